import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { REVOCATION_GROUND, REVOCATION_STATUS, REVOCATION_STEP } from './revocation-labels';

interface ApprovalValues {
  body: string;
  documentNumber: string;
  approvedOn: Dayjs;
}

/**
 * One revocation case: the title and ground, the evidence, what the policy says follows (each rule with its article
 * and why it applies or not), the approving body's act as the office records it, and each consequence step.
 */
export function RevocationPage() {
  const { tenantKey = '', revocationId = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<ApprovalValues>();
  const key = ['office', tenantKey, 'revocation', revocationId];
  const revocation = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/revocations/{id}', {
          params: { path: { tenantKey, id: revocationId } },
        }),
      ),
  });
  const approve = useMutation({
    mutationFn: async (values: ApprovalValues) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/revocations/{id}/approve', {
          params: { path: { tenantKey, id: revocationId } },
          body: {
            body: values.body,
            documentNumber: values.documentNumber,
            approvedOn: values.approvedOn?.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: (updated) => {
      queries.setQueryData(key, updated);
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'revocations'] });
      message.success(t({ zh: '已记录批准并执行各项后果', en: 'Approval recorded; consequences applied' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <QueryState loading={revocation.isLoading} error={revocation.error}>
      {() => {
        const c = revocation.data;
        if (!c) return null;
        const status = REVOCATION_STATUS[c.status];
        return (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Breadcrumb
              items={[
                {
                  title: (
                    <Link to={`/office/${tenantKey}/revocations`}>{t({ zh: '撤销案件', en: 'Revocation cases' })}</Link>
                  ),
                },
                { title: c.subject.applicantName },
              ]}
            />
            <Card
              title={`${c.subject.applicantName} · ${t(REVOCATION_GROUND[c.ground] ?? { zh: c.ground, en: c.ground })}`}
              extra={<Tag color={status?.color}>{status ? t(status.label) : c.status}</Tag>}
            >
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t({ zh: '届次', en: 'Cycle' })}>{c.subject.cycleNumber}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '获奖日期', en: 'Awarded on' })}>
                  {c.subject.awardedOn}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '发生日期', en: 'Event on' })}>{c.eventOn}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '政策版本', en: 'Policy version' })}>
                  {c.policyVersion}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '情况说明', en: 'Description' })} span={2}>
                  {c.description}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '证据', en: 'Evidence' })} span={2}>
                  {c.evidence.map((e) => `${e.title}（${e.reference}）`).join('；')}
                </Descriptions.Item>
                {c.dutyId && (
                  <Descriptions.Item label={t({ zh: '来源', en: 'Opened from' })} span={2}>
                    <Link to={`/office/${tenantKey}/duties?status=overdue`}>
                      {t({ zh: '逾期未履行的获奖后义务', en: 'An overdue post-award duty' })}
                    </Link>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t({ zh: '立案', en: 'Opened' })} span={2}>
                  {formatInstant(c.openedAt, t.language)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t({ zh: '办法规定的后果', en: 'What the policy says follows' })} size="small">
              <Alert
                type={c.evaluation.outcome === 'consequences' ? 'warning' : 'info'}
                showIcon
                message={t(c.evaluation.reason)}
                description={c.evaluation.rules.map((r) => (
                  <div key={r.ruleId}>
                    {r.basis}：{t(r.reason)}
                  </div>
                ))}
              />
            </Card>
            {c.status === 'opened' ? (
              <Card title={t({ zh: '记录批准机关的决定', en: 'Record the approving body’s act' })} size="small">
                <Form form={form} layout="inline" onFinish={(values) => approve.mutate(values)}>
                  <Form.Item
                    name="body"
                    label={t({ zh: '批准机关', en: 'Approving body' })}
                    rules={[{ required: true }]}
                  >
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item
                    name="documentNumber"
                    label={t({ zh: '文号', en: 'Document number' })}
                    rules={[{ required: true }]}
                  >
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name="approvedOn"
                    label={t({ zh: '批准日期', en: 'Approved on' })}
                    rules={[{ required: true }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={approve.isPending}>
                    {t({ zh: '记录批准', en: 'Record approval' })}
                  </Button>
                </Form>
              </Card>
            ) : null}
            {c.approval ? (
              <Card title={t({ zh: '批准', en: 'Approval' })} size="small">
                {c.approval.body} {c.approval.documentNumber}（{c.approval.approvedOn}）
              </Card>
            ) : null}
            {c.dismissalReason ? (
              <Alert type="info" message={`${t({ zh: '驳回理由', en: 'Dismissed' })}：${c.dismissalReason}`} />
            ) : null}
            <Card title={t({ zh: '执行步骤', en: 'Consequence steps' })} size="small">
              <Table
                rowKey="position"
                size="small"
                pagination={false}
                dataSource={c.steps}
                data-testid="revocation-steps"
                columns={[
                  { title: '#', dataIndex: 'position', width: 48 },
                  {
                    title: t({ zh: '后果', en: 'Consequence' }),
                    render: (_, s) => t(REVOCATION_STEP[s.kind] ?? { zh: s.kind, en: s.kind }),
                  },
                  { title: t({ zh: '依据', en: 'Article' }), dataIndex: 'basis' },
                  {
                    title: t({ zh: '记录', en: 'Recorded' }),
                    render: (_, s) =>
                      Object.entries(s.detail)
                        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                        .join('；'),
                  },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
