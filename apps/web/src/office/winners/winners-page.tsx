import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { StatusTag } from '../../shared/status-tag';
import { useLatestCycle } from '../votes/use-latest-cycle';
import { CandidateNoticesCard } from './candidate-notices-card';
import { TIER, TITLE_STATUS } from './winners-labels';

type ActForm = {
  approvingBody: string;
  documentNumber: string;
  decidedOn: string;
  exceedanceTier?: 'award' | 'nomination';
  exceedanceBy?: string;
  exceedanceReason?: string;
};

/**
 * Quotas and approval (审定): the cycle's quotas (used = real winners), then the government's act as the office
 * records it — body, 文号, day, the winners it names from the candidate list — and the titles it granted.
 */
export function WinnersPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const { cycle, loading, error } = useLatestCycle(tenantKey);
  const number = cycle?.number ?? 0;
  const [chosen, setChosen] = useState<Record<string, 'award' | 'nomination' | undefined>>({});
  const list = useQuery({
    queryKey: ['office', tenantKey, 'awards-candidate-list', number],
    enabled: Boolean(cycle),
    queryFn: async () => {
      const answer = await api.GET('/api/v1/tenants/{tenantKey}/cycles/{number}/candidate-list', {
        params: { path: { tenantKey, number } },
      });
      return answer.response.status === 404 ? null : unwrap(answer);
    },
  });
  const decision = useQuery({
    queryKey: ['office', tenantKey, 'commendation-decision', number],
    enabled: Boolean(cycle),
    queryFn: async () => {
      const answer = await api.GET('/api/v1/tenants/{tenantKey}/cycles/{number}/commendation-decision', {
        params: { path: { tenantKey, number } },
      });
      return answer.response.status === 404 ? null : unwrap(answer);
    },
  });
  const record = useMutation({
    mutationFn: async (values: ActForm) => {
      const winners = Object.entries(chosen)
        .filter((e): e is [string, 'award' | 'nomination'] => Boolean(e[1]))
        .map(([applicationId, tier]) => ({ applicationId, tier }));
      return unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/cycles/{number}/commendation-decision', {
          params: { path: { tenantKey, number } },
          body: {
            approvingBody: values.approvingBody,
            documentNumber: values.documentNumber,
            decidedOn: values.decidedOn,
            winners,
            quotaExceedances: values.exceedanceTier
              ? [
                  {
                    tier: values.exceedanceTier,
                    decidedBy: values.exceedanceBy ?? '',
                    reason: values.exceedanceReason ?? '',
                  },
                ]
              : [],
          },
        }),
      );
    },
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey] });
      message.success(t({ zh: '表彰决定已记录，称号已授予', en: 'Decision recorded, titles granted' }));
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <QueryState loading={loading || list.isLoading || decision.isLoading} error={error ?? list.error ?? decision.error}>
      {() => {
        if (!cycle) return <Empty description={t({ zh: '尚未开启任何一届', en: 'No cycle yet' })} />;
        const quotas = decision.data?.quotas ?? [];
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title={t({ zh: `第 ${cycle.number} 届名额`, en: `Cycle ${cycle.number} quotas` })}>
              <Table
                rowKey="tier"
                size="small"
                pagination={false}
                dataSource={cycle.quotas}
                columns={[
                  { title: t({ zh: '奖项', en: 'Tier' }), render: (_: unknown, q) => t(q.name) },
                  {
                    title: t({ zh: '名额', en: 'Quota' }),
                    render: (_: unknown, q) =>
                      `${q.binding === 'in_principle' ? t({ zh: '原则上', en: 'in principle ' }) : t({ zh: '不超过', en: 'at most ' })}${q.quota}`,
                  },
                  { title: t({ zh: '已授予', en: 'Used' }), dataIndex: 'used' },
                  {
                    title: t({ zh: '空缺', en: 'Vacancies' }),
                    render: (_: unknown, q) =>
                      `${Math.max(0, q.quota - q.used)}${q.vacanciesAllowed ? t({ zh: '（宁缺毋滥）', en: ' (allowed)' }) : ''}`,
                  },
                  { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
                  {
                    title: t({ zh: '超额理由', en: 'Exceedance' }),
                    render: (_: unknown, q) => {
                      const e = quotas.find((x) => x.tier === q.tier)?.exceedance;
                      return e ? `${e.decidedBy}：${e.reason}` : '';
                    },
                  },
                ]}
              />
            </Card>
            {list.data ? <CandidateNoticesCard tenantKey={tenantKey} number={cycle.number} /> : null}
            {decision.data ? (
              <Card title={t({ zh: '审定与表彰决定', en: 'Approval and commendation decision' })}>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t({ zh: '审定机关', en: 'Body' })}>
                    {decision.data.approvingBody}
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '文号', en: 'Document number' })}>
                    {decision.data.documentNumber}
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '日期', en: 'Date' })}>{decision.data.decidedOn}</Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{decision.data.basis}</Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '记录', en: 'Recorded' })} span={2}>
                    {`${decision.data.recordedBy ?? ''} ${formatInstant(decision.data.recordedAt, t.language)}`}
                  </Descriptions.Item>
                </Descriptions>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={decision.data.titles}
                  columns={[
                    { title: t({ zh: '获奖者', en: 'Winner' }), dataIndex: 'applicantName' },
                    {
                      title: t({ zh: '奖项', en: 'Tier' }),
                      dataIndex: 'tier',
                      render: (k: string) => <Tag color="red">{t(TIER[k] ?? { zh: k, en: k })}</Tag>,
                    },
                    {
                      title: t({ zh: '有效期至', en: 'Valid until' }),
                      render: (_: unknown, r) => r.validUntil ?? t({ zh: '办法未规定', en: 'not set' }),
                    },
                    {
                      title: t({ zh: '状态', en: 'State' }),
                      dataIndex: 'status',
                      render: (s: string) => <StatusTag table={TITLE_STATUS} status={s} />,
                    },
                  ]}
                />
              </Card>
            ) : (
              <Card
                title={t({ zh: '记录审定（政府决定，不自动生成）', en: 'Record the approval (the government’s act)' })}
              >
                {!list.data ? (
                  <Alert type="info" showIcon title={t({ zh: '尚未收到候选获奖名单', en: 'No candidate list yet' })} />
                ) : (
                  <Form<ActForm> layout="vertical" onFinish={(v) => record.mutate(v)} style={{ maxWidth: 720 }}>
                    <Table
                      rowKey="applicationId"
                      size="small"
                      pagination={false}
                      dataSource={list.data.entries}
                      columns={[
                        {
                          title: t({ zh: '获奖', en: 'Winner' }),
                          render: (_: unknown, e) => (
                            <Checkbox
                              aria-label={e.applicantName}
                              checked={Boolean(chosen[e.applicationId])}
                              onChange={(x) =>
                                setChosen({
                                  ...chosen,
                                  [e.applicationId]: x.target.checked
                                    ? (e.proposedTier as 'award' | 'nomination')
                                    : undefined,
                                })
                              }
                            />
                          ),
                        },
                        { title: t({ zh: '候选对象', en: 'Candidate' }), dataIndex: 'applicantName' },
                        {
                          title: t({ zh: '奖项', en: 'Tier' }),
                          render: (_: unknown, e) => (
                            <Select
                              size="small"
                              style={{ width: 120 }}
                              value={chosen[e.applicationId] ?? (e.proposedTier as 'award' | 'nomination')}
                              onChange={(v: 'award' | 'nomination') => setChosen({ ...chosen, [e.applicationId]: v })}
                              options={cycle.quotas.map((q) => ({ value: q.tier, label: t(q.name) }))}
                            />
                          ),
                        },
                      ]}
                    />
                    <Form.Item
                      name="approvingBody"
                      label={t({ zh: '审定机关', en: 'Body' })}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name="documentNumber"
                      label={t({ zh: '文号', en: 'Document number' })}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item name="decidedOn" label={t({ zh: '决定日期', en: 'Date' })} rules={[{ required: true }]}>
                      <Input placeholder="YYYY-MM-DD" />
                    </Form.Item>
                    <Form.Item
                      name="exceedanceTier"
                      label={t({ zh: '超出原则上名额的奖项（如有）', en: 'Tier exceeded in principle' })}
                    >
                      <Select allowClear options={cycle.quotas.map((q) => ({ value: q.tier, label: t(q.name) }))} />
                    </Form.Item>
                    <Form.Item name="exceedanceBy" label={t({ zh: '决定超额的机构', en: 'Deciding body' })}>
                      <Input />
                    </Form.Item>
                    <Form.Item name="exceedanceReason" label={t({ zh: '超额理由', en: 'Reason' })}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={record.isPending}>
                      {t({ zh: '记录审定并授予称号', en: 'Record and grant titles' })}
                    </Button>
                  </Form>
                )}
              </Card>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
