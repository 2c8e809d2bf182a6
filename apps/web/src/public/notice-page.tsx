import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import type { ObjectionFiled as Filed } from '../api/api-types';
import { unwrap } from '../api/problem';
import { formatDate, formatDeadline, formatInstant, formatPeriod } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { NOTICE_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { HowToObject } from './how-to-object';
import { ObjectionFiled } from './objection-filed';
import { ObjectionForm } from './objection-form';

/** One notice: its entries, period and deadline with their basis, how to object, and the objection form while open. */
export function NoticePage() {
  const { tenantKey = '', noticeId = '' } = useParams();
  const t = useT();
  const [entryId, setEntryId] = useState<string>();
  const [filed, setFiled] = useState<Filed>();
  const notice = useQuery({
    queryKey: ['public', tenantKey, 'notice', noticeId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/public/{tenantKey}/notices/{id}', { params: { path: { tenantKey, id: noticeId } } }),
      ),
    retry: false,
  });
  if (filed) return <ObjectionFiled tenantKey={tenantKey} filed={filed} />;
  return (
    <QueryState loading={notice.isLoading} error={notice.error}>
      {() => {
        const n = notice.data;
        if (!n) return null;
        return (
          <>
            <Breadcrumb
              style={{ marginBottom: 16 }}
              items={[
                { title: <Link to={`/p/${tenantKey}`}>{t({ zh: '公示公告', en: 'Notices' })}</Link> },
                { title: n.title },
              ]}
            />
            <Card
              title={n.title}
              extra={<StatusTag table={NOTICE_STATUS} status={n.status} />}
              style={{ marginBottom: 24 }}
            >
              {n.withdrawal && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t({ zh: '本公示已撤回', en: 'This notice was withdrawn' })}
                  description={`${formatInstant(n.withdrawal.at, t.language)} · ${n.withdrawal.reason}`}
                />
              )}
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label={t({ zh: '发布日期', en: 'Published' })}>
                  {formatDate(n.publishedOn, t.language)}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '公示期', en: 'Period' })}>
                  {formatPeriod(n.period, t.language)}
                </Descriptions.Item>
                {n.channel && (
                  <Descriptions.Item label={t({ zh: '公示范围', en: 'Where published' })} span={2}>
                    <span data-testid="notice-channel">
                      {t({ zh: n.channel.zh, en: n.channel.en })}
                      {t({ zh: `（依据：${n.channel.basis}）`, en: ` (basis: ${n.channel.basis})` })}
                    </span>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t({ zh: '截止时间', en: 'Closes' })} span={2}>
                  <strong data-testid="notice-deadline">{formatDeadline(n.deadline.lastDay, t.language)}</strong>
                  {n.deadline.provisional &&
                    t({
                      zh: '（该年度官方节假日安排尚未公布，按暂定日历计算，公布后自动更正）',
                      en: ' (the year’s official holidays are not yet published: provisional, corrected when they are)',
                    })}
                </Descriptions.Item>
              </Descriptions>
              <Table
                style={{ marginTop: 16 }}
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={n.entries}
                columns={[
                  { title: t({ zh: '序号', en: 'No.' }), render: (_, __, i) => i + 1, width: 64 },
                  { title: t({ zh: '名称', en: 'Name' }), dataIndex: 'subjectName' },
                  { title: t({ zh: '公示事项', en: 'Proposed' }), dataIndex: 'proposal' },
                  ...(n.howToObject.open
                    ? [
                        {
                          title: '',
                          width: 120,
                          render: (_: unknown, entry: { id: string }) => (
                            <Button size="small" onClick={() => setEntryId(entry.id)} href="#objection">
                              {t({ zh: '提出异议', en: 'Object' })}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Row gutter={24}>
              <Col xs={24} lg={10}>
                <Card title={t({ zh: '如何提出异议', en: 'How to object' })} style={{ marginBottom: 24 }}>
                  <HowToObject notice={n} />
                </Card>
              </Col>
              {n.howToObject.open && (
                <Col xs={24} lg={14}>
                  <Card title={t({ zh: '提出异议', en: 'File an objection' })} id="objection">
                    <ObjectionForm
                      key={entryId}
                      tenantKey={tenantKey}
                      notice={n}
                      entryId={entryId}
                      onFiled={setFiled}
                    />
                  </Card>
                </Col>
              )}
            </Row>
          </>
        );
      }}
    </QueryState>
  );
}
