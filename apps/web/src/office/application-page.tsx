import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Table, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatDeadline, formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { APPLICATION_STATUS, FINDING_OUTCOME } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { ApplicationRecords } from './console/application-records';
import { CrossTenantFlags } from './revocations/cross-tenant-flags';

const FACTS: Record<string, { zh: string; en: string }> = {
  registeredInJurisdiction: { zh: '在本辖区注册', en: 'Registered in the jurisdiction' },
  yearsOperating: { zh: '经营年限', en: 'Years operating' },
  qualitySystemYears: { zh: '质量管理体系运行年限', en: 'Years of the quality system' },
  spotChecksPassedConsecutiveYears: { zh: '抽查连续合格年数', en: 'Years of spot checks passed' },
  lossYears: { zh: '亏损年度', en: 'Years of loss' },
  incidents: { zh: '事故与违法记录', en: 'Incidents' },
  employerIncidents: { zh: '所在组织事故与违法记录', en: 'The employer’s incidents' },
};

/**
 * One application: facts, eligibility with the article of each rule, decisions with who and why, notices, history;
 * its materials, the objections against it and its audit entries (ApplicationRecords).
 */
export function ApplicationPage() {
  const { tenantKey = '', applicationId = '' } = useParams();
  const t = useT();
  const application = useQuery({
    queryKey: ['office', tenantKey, 'application', applicationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications/{id}', {
          params: { path: { tenantKey, id: applicationId } },
        }),
      ),
  });
  return (
    <QueryState loading={application.isLoading} error={application.error}>
      {() => {
        const a = application.data;
        if (!a) return null;
        const at = (instant: string) => formatInstant(instant, t.language);
        const factValue = (value: unknown) =>
          typeof value === 'boolean'
            ? t(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' })
            : Array.isArray(value)
              ? value.length === 0
                ? t({ zh: '无', en: 'none' })
                : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、')
              : String(value);
        return (
          <>
            <Breadcrumb
              style={{ marginBottom: 16 }}
              items={[
                {
                  title: (
                    <Link to={`/office/${tenantKey}/applications`}>{t({ zh: '申报工作台', en: 'Applications' })}</Link>
                  ),
                },
                { title: a.applicant.name },
              ]}
            />
            <CrossTenantFlags checks={a.banChecks} />
            <Card
              title={a.applicant.name}
              extra={
                <Space>
                  {a.applicant.kind === 'individual' && (
                    <Link to="employer">
                      <Button size="small">{t({ zh: '所在组织条件', en: 'Employer conditions' })}</Button>
                    </Link>
                  )}
                  <StatusTag table={APPLICATION_STATUS} status={a.status} />
                </Space>
              }
              style={{ marginBottom: 24 }}
            >
              <Descriptions column={3} size="small" bordered>
                <Descriptions.Item
                  label={t({ zh: '届', en: 'Cycle' })}
                >{`第${a.cycle.number}届（${a.cycle.year}）`}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '环节', en: 'Stage' })}>{a.stage ?? '—'}</Descriptions.Item>
                <Descriptions.Item
                  label={t({ zh: '政策版本', en: 'Policy version' })}
                >{`${a.policy.key} v${a.policy.version}`}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '推荐单位', en: 'Recommender' })}>
                  {a.recommender?.name ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '待处理异议', en: 'Objections pending' })}>
                  {a.objectionsPending}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '内部公示', en: 'Internal publicity' })}>
                  {a.publicity ? `${formatDeadline(a.publicity.lastDay, t.language)}（${a.publicity.basis}）` : '—'}
                </Descriptions.Item>
                {a.outcome && (
                  <Descriptions.Item label={t({ zh: '结果', en: 'Outcome' })} span={3}>
                    {`${a.outcome.reasons}${a.outcome.basis ? `（${a.outcome.basis}）` : ''} · ${a.outcome.by ?? ''} · ${at(a.outcome.at)}`}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Row gutter={24}>
              <Col xs={24} xl={15}>
                <Card title={t({ zh: '资格条件', en: 'Eligibility' })} style={{ marginBottom: 24 }}>
                  <Table
                    size="small"
                    rowKey="ruleId"
                    pagination={false}
                    dataSource={a.eligibility.findings}
                    columns={[
                      { title: t({ zh: '依据', en: 'Article' }), dataIndex: 'basis', width: 110 },
                      { title: t({ zh: '条件', en: 'Condition' }), render: (_, f) => t(f.reason) },
                      {
                        title: t({ zh: '结论', en: 'Outcome' }),
                        width: 110,
                        render: (_, f) => (
                          <StatusTag table={FINDING_OUTCOME} status={f.decision?.outcome ?? f.outcome} />
                        ),
                      },
                      {
                        title: t({ zh: '认定（人员与理由）', en: 'Decision (who, why)' }),
                        render: (_, f) =>
                          f.decision
                            ? `${f.decision.decidedBy} · ${at(f.decision.decidedAt)} · ${f.decision.reason}`
                            : '—',
                      },
                    ]}
                  />
                </Card>
                <Card title={t({ zh: '申报事实', en: 'Declared facts' })} style={{ marginBottom: 24 }}>
                  <Descriptions column={1} size="small" bordered>
                    {Object.entries(a.facts).map(([key, value]) => (
                      <Descriptions.Item key={key} label={FACTS[key] ? t(FACTS[key]) : key}>
                        {factValue(value)}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                </Card>
                <Card title={t({ zh: '公示', en: 'Notices' })}>
                  <Table
                    size="small"
                    rowKey="noticeId"
                    pagination={false}
                    dataSource={a.notices}
                    columns={[
                      { title: t({ zh: '环节', en: 'Stage' }), dataIndex: 'stage' },
                      {
                        title: t({ zh: '截止', en: 'Closes' }),
                        render: (_, n) => (
                          <a href={`/p/${tenantKey}/notices/${n.noticeId}`} target="_blank" rel="noreferrer">
                            {formatDeadline(n.lastDay, t.language)}
                          </a>
                        ),
                      },
                      { title: t({ zh: '结果', en: 'Outcome' }), render: (_, n) => n.outcome ?? '—' },
                    ]}
                  />
                </Card>
                <div style={{ marginTop: 24 }}>
                  <ApplicationRecords
                    tenantKey={tenantKey}
                    applicationId={a.id}
                    subjectIds={[a.id, a.applicant.id]}
                    noticeIds={a.notices.map((n) => n.noticeId)}
                  />
                </div>
              </Col>
              <Col xs={24} xl={9}>
                <Card title={t({ zh: '办理记录', en: 'History' })}>
                  <Timeline
                    items={a.history.map((h) => ({
                      children: (
                        <>
                          <div>
                            <StatusTag table={APPLICATION_STATUS} status={h.to} /> {at(h.at)}
                          </div>
                          <div style={{ color: '#666' }}>
                            {[h.actor, h.reason, h.basis].filter(Boolean).join(' · ')}
                          </div>
                        </>
                      ),
                    }))}
                  />
                </Card>
              </Col>
            </Row>
          </>
        );
      }}
    </QueryState>
  );
}
