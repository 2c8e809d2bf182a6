import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { useLatestCycle } from './use-latest-cycle';
import { type Deliberation, tierName } from './vote-types';

interface DeliberationForm {
  heldAt: Dayjs;
  attendees: string;
  minutes: string;
  decisions: { applicationId: string; tier: string; reason?: string }[];
}

/**
 * The deliberation (ili 第十七条 领导小组, linxia 第二十一条 评委会 …): the office records when, who attended, the
 * minutes and the decision per candidate, once. After a vote, the candidates are the vote's slate.
 */
export function DeliberationPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<DeliberationForm>();
  const { cycle, loading, error } = useLatestCycle(tenantKey);
  const number = cycle?.number;
  const stage = cycle?.schedule.find((s) => s.kind === 'deliberation');
  const hasVote = Boolean(cycle?.schedule.some((s) => s.kind === 'vote'));
  const tiers = (cycle?.quotas ?? []).map((q) => ({ key: q.tier, name: t(q.name) }));
  const recorded = useQuery({
    queryKey: ['office', tenantKey, 'deliberations', number],
    enabled: Boolean(number),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/deliberations', {
          params: { path: { tenantKey }, query: { cycle: number } },
        }),
      ).deliberations,
  });
  const candidates = useQuery({
    queryKey: ['office', tenantKey, 'deliberation-candidates', number, hasVote],
    enabled: Boolean(number),
    queryFn: async (): Promise<{ applicationId: string; name: string }[]> => {
      if (hasVote) {
        const votes = unwrap(
          await api.GET('/api/v1/tenants/{tenantKey}/votes', {
            params: { path: { tenantKey }, query: { cycle: number } },
          }),
        ).votes;
        return (votes[0]?.slate?.candidates ?? []).map((c) => ({
          applicationId: c.applicationId,
          name: c.applicantName,
        }));
      }
      const accepted = unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications', {
          params: { path: { tenantKey }, query: { cycle: number, status: ['accepted'], limit: 200 } },
        }),
      ).applications;
      return accepted.map((a) => ({ applicationId: a.id, name: a.applicant.name }));
    },
  });
  const record = useMutation({
    mutationFn: async (v: DeliberationForm) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/deliberations', {
          params: { path: { tenantKey } },
          body: {
            cycleNumber: number ?? 0,
            heldAt: v.heldAt.toISOString(),
            attendees: v.attendees
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            minutes: v.minutes,
            // Only the rendered fields come back from the form: the candidate is the row's.
            decisions: v.decisions.map((d, i) => ({
              applicationId: candidates.data?.[i]?.applicationId ?? d.applicationId,
              tier: d.tier === 'none' ? null : d.tier,
              reason: d.reason || undefined,
            })),
          },
        }),
      ),
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'deliberations'] });
      message.success(t({ zh: '审议已记录', en: 'Deliberation recorded' }));
    },
    onError: (e) => {
      form.setFields(fieldErrorsOf(e));
      message.error(problemText(e));
    },
  });
  return (
    <QueryState
      loading={loading || recorded.isLoading || candidates.isLoading}
      error={error ?? recorded.error ?? candidates.error}
    >
      {() => {
        if (!cycle) return <Empty description={t({ zh: '尚未开启任何一届', en: 'No cycle yet' })} />;
        if (!stage) {
          return (
            <Alert
              type="info"
              showIcon
              title={t({ zh: '本届适用的政策未规定审议环节', en: 'No deliberation stage' })}
            />
          );
        }
        const done = recorded.data?.[0] as Deliberation | undefined;
        const title = t({
          zh: `第 ${cycle.number} 届 ${t(stage.name)}`,
          en: `Cycle ${cycle.number}: ${t(stage.name)}`,
        });
        if (done) return <RecordedDeliberation title={title} deliberation={done} tiers={tiers} />;
        return (
          <Card title={title} extra={<Tag>{stage.basis}</Tag>}>
            <Form
              form={form}
              layout="vertical"
              initialValues={{
                decisions: (candidates.data ?? []).map((c) => ({ applicationId: c.applicationId, tier: 'none' })),
              }}
              onFinish={(v) => record.mutate(v)}
            >
              <Form.Item name="heldAt" label={t({ zh: '会议时间', en: 'Held at' })} rules={[{ required: true }]}>
                <DatePicker showTime needConfirm={false} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item
                name="attendees"
                label={t({ zh: '出席人员（每行一人：单位 姓名）', en: 'Attendees (one per line)' })}
                rules={[{ required: true, message: t({ zh: '请填写出席人员', en: 'Who attended?' }) }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="minutes" label={t({ zh: '会议纪要', en: 'Minutes' })} rules={[{ required: true }]}>
                <Input.TextArea rows={5} />
              </Form.Item>
              <Form.List name="decisions">
                {(fields) => (
                  <Table
                    rowKey="key"
                    size="small"
                    pagination={false}
                    dataSource={fields}
                    columns={[
                      {
                        title: t({ zh: '候选对象', en: 'Candidate' }),
                        key: 'name',
                        render: (_: unknown, f) => candidates.data?.[f.name]?.name,
                      },
                      {
                        title: t({ zh: '审议决定', en: 'Decision' }),
                        key: 'tier',
                        render: (_: unknown, f) => (
                          <Form.Item name={[f.name, 'tier']} noStyle>
                            <Select
                              style={{ width: 180 }}
                              options={[...tiers, { key: 'none', name: '不列入' }].map((tier) => ({
                                value: tier.key,
                                label: tier.name,
                              }))}
                            />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t({ zh: '理由', en: 'Reason' }),
                        key: 'reason',
                        render: (_: unknown, f) => (
                          <Form.Item name={[f.name, 'reason']} noStyle>
                            <Input />
                          </Form.Item>
                        ),
                      },
                    ]}
                  />
                )}
              </Form.List>
              <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} loading={record.isPending}>
                {t({ zh: '记录审议（只记录一次）', en: 'Record (once)' })}
              </Button>
            </Form>
          </Card>
        );
      }}
    </QueryState>
  );
}

function RecordedDeliberation(props: {
  title: string;
  deliberation: Deliberation;
  tiers: { key: string; name: string }[];
}) {
  const { deliberation: d, tiers } = props;
  const t = useT();
  return (
    <Card title={props.title} extra={<Tag color="success">{t({ zh: '已记录', en: 'Recorded' })}</Tag>}>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t({ zh: '审议机构', en: 'Body' })}>{d.body}</Descriptions.Item>
        <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{d.basis}</Descriptions.Item>
        <Descriptions.Item label={t({ zh: '会议时间', en: 'Held at' })}>
          {formatInstant(d.heldAt, t.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '记录', en: 'Recorded' })}>
          {`${d.recordedBy ?? ''} ${formatInstant(d.recordedAt, t.language)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '出席人员', en: 'Attendees' })} span={2}>
          {d.attendees.join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '会议纪要', en: 'Minutes' })} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{d.minutes}</div>
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={d.decisions}
        columns={[
          { title: t({ zh: '候选对象', en: 'Candidate' }), dataIndex: 'applicantName' },
          {
            title: t({ zh: '审议决定', en: 'Decision' }),
            dataIndex: 'tier',
            render: (tier: string | null) =>
              tier ? <Tag color="red">{tierName(tiers, tier)}</Tag> : <Tag>不列入</Tag>,
          },
          { title: t({ zh: '理由', en: 'Reason' }), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
