import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Descriptions, List, Row, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatDeadline, formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { OBJECTION_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { ObjectionActions } from './objection-actions';

/** One objection: the objector (masked), grounds, files, examination deadline, investigation, decision, letters. */
export function ObjectionPage() {
  const { tenantKey = '', objectionId = '' } = useParams();
  const t = useT();
  const objection = useQuery({
    queryKey: ['office', tenantKey, 'objection', objectionId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/objections/{id}', {
          params: { path: { tenantKey, id: objectionId } },
        }),
      ),
  });
  return (
    <QueryState loading={objection.isLoading} error={objection.error}>
      {() => {
        const o = objection.data;
        if (!o) return null;
        const at = (instant: string) => formatInstant(instant, t.language);
        return (
          <>
            <Breadcrumb
              style={{ marginBottom: 16 }}
              items={[
                {
                  title: <Link to={`/office/${tenantKey}/objections`}>{t({ zh: '异议处理', en: 'Objections' })}</Link>,
                },
                { title: o.receiptNumber },
              ]}
            />
            <Row gutter={24}>
              <Col xs={24} xl={14}>
                <Card
                  title={`${t({ zh: '异议', en: 'Objection' })} ${o.receiptNumber}`}
                  extra={<StatusTag table={OBJECTION_STATUS} status={o.status} />}
                  style={{ marginBottom: 24 }}
                >
                  <Descriptions column={2} size="small" bordered>
                    <Descriptions.Item label={t({ zh: '公示', en: 'Notice' })} span={2}>
                      {o.noticeTitle}
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '异议对象', en: 'Objection to' })}>
                      {o.entry.subjectName}
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '收到时间', en: 'Received' })}>
                      {at(o.receivedAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '异议人', en: 'Objector' })}>
                      {o.objector.name ?? t({ zh: '不具名', en: 'anonymous' })}
                      {o.objector.kind === 'organisation' ? t({ zh: '（单位）', en: ' (organisation)' }) : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '联系电话', en: 'Phone' })}>
                      {o.objector.phone ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '审查期限', en: 'Examine by' })} span={2}>
                      {o.examination
                        ? `${formatDeadline(o.examination.lastDay, t.language)}（${o.examination.basis}）`
                        : t({ zh: '办法未规定', en: 'not set by the regulation' })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '异议事实与理由', en: 'Grounds' })} span={2}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {o.grounds}
                      </Typography.Paragraph>
                    </Descriptions.Item>
                    <Descriptions.Item label={t({ zh: '材料', en: 'Files' })} span={2}>
                      {o.files.map((f) => (
                        <div key={f.id}>
                          {f.filename}（{Math.ceil(f.size / 1024)} KB · SHA-256 {f.sha256.slice(0, 12)}…）
                        </div>
                      ))}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
                {o.outcome && (
                  <Card title={t({ zh: '处理决定', en: 'Decision' })} style={{ marginBottom: 24 }}>
                    <Descriptions column={1} size="small" bordered>
                      <Descriptions.Item label={t({ zh: '结论', en: 'Outcome' })}>
                        <StatusTag table={OBJECTION_STATUS} status={o.outcome.outcome} />
                      </Descriptions.Item>
                      <Descriptions.Item label={t({ zh: '理由', en: 'Reasons' })}>
                        {o.outcome.reasons}
                      </Descriptions.Item>
                      <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>
                        {o.outcome.basis ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t({ zh: '决定时间', en: 'Decided' })}>
                        {at(o.outcome.decidedAt)}
                      </Descriptions.Item>
                      <Descriptions.Item label={t({ zh: '异议人确认', en: 'Objector’s confirmation' })}>
                        {!o.outcome.confirmation.requested
                          ? t({ zh: '办法未要求', en: 'not required' })
                          : (o.outcome.confirmation.response ?? t({ zh: '待答复', en: 'awaiting' }))}
                      </Descriptions.Item>
                    </Descriptions>
                  </Card>
                )}
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t({ zh: '办理', en: 'Handle' })} style={{ marginBottom: 24 }}>
                  <ObjectionActions tenantKey={tenantKey} objection={o} />
                  {o.status !== 'received' && o.status !== 'admitted' && t({ zh: '已办结', en: 'Closed' })}
                </Card>
                <Card title={t({ zh: '调查', en: 'Investigation' })} style={{ marginBottom: 24 }}>
                  <List
                    size="small"
                    header={t({ zh: '调查人员', en: 'Investigators' })}
                    dataSource={o.investigators}
                    renderItem={(i) => <List.Item>{`${i.name} · ${at(i.assignedAt)}`}</List.Item>}
                  />
                  <Timeline
                    style={{ marginTop: 16 }}
                    items={o.findings.map((f) => ({ children: `${at(f.recordedAt)} · ${f.text}` }))}
                  />
                </Card>
                <Card title={t({ zh: '文书', en: 'Letters' })}>
                  {o.admittedAt ? (
                    <a
                      href={`/api/v1/public/${tenantKey}/objections/${encodeURIComponent(o.receiptNumber)}/receipt`}
                      download
                    >
                      {t({ zh: '书面凭证', en: 'Written receipt' })}
                    </a>
                  ) : (
                    t({ zh: '受理后出具书面凭证', en: 'The written receipt is issued on admission' })
                  )}
                </Card>
              </Col>
            </Row>
          </>
        );
      }}
    </QueryState>
  );
}
