import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { CLEARANCE_STATUS } from '../office/winners/winners-labels';
import { QueryState } from '../shared/query-state';
import { StatusTag } from '../shared/status-tag';

/** A department's portal (role `department`): the clearance requests put to it, answered clear or with a concern. */
export function DepartmentHomePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [concernOn, setConcernOn] = useState<string | null>(null);
  const requests = useQuery({
    queryKey: ['department', tenantKey, 'requests'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/clearance-requests', { params: { path: { tenantKey }, query: {} } }),
      ).items,
  });
  const answer = useMutation({
    mutationFn: async (v: { requestId: string; outcome: 'clear' | 'concern'; reasons?: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/clearance-requests/{requestId}/answer', {
          params: { path: { tenantKey, requestId: v.requestId } },
          body: { outcome: v.outcome, reasons: v.reasons },
        }),
      ),
    onSuccess: () => {
      setConcernOn(null);
      queries.invalidateQueries({ queryKey: ['department', tenantKey] });
      message.success(t({ zh: '已答复', en: 'Answered' }));
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Card title={t({ zh: '征求意见', en: 'Background clearance' })}>
      <Typography.Paragraph type="secondary">
        {t({
          zh: '质量奖评选办公室就下列候选对象征求本部门意见。请在期限内答复：无意见，或提出意见并写明理由；有意见的候选对象将提交领导小组决定。',
          en: 'The office asks your department about these candidates. Answer by the due day: clear, or a concern with reasons.',
        })}
      </Typography.Paragraph>
      <QueryState loading={requests.isLoading} error={requests.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            dataSource={requests.data ?? []}
            locale={{ emptyText: t({ zh: '暂无征求意见', en: 'Nothing asked' }) }}
            columns={[
              { title: t({ zh: '届次', en: 'Cycle' }), dataIndex: 'cycleNumber', width: 70 },
              { title: t({ zh: '候选对象', en: 'Candidate' }), dataIndex: 'applicantName' },
              { title: t({ zh: '部门', en: 'Department' }), render: (_: unknown, r) => r.department.name },
              {
                title: t({ zh: '答复期限', en: 'Due' }),
                render: (_: unknown, r) => (
                  <Space>
                    {r.dueOn}
                    {r.remindedAt && r.status === 'pending' ? (
                      <Tag color="orange">{t({ zh: '已提醒', en: 'Reminded' })}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t({ zh: '状态', en: 'State' }),
                dataIndex: 'status',
                render: (s: string) => <StatusTag table={CLEARANCE_STATUS} status={s} />,
              },
              { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
              {
                title: '',
                render: (_: unknown, r) =>
                  r.status === 'pending' || r.status === 'overdue' ? (
                    <Space>
                      <Button size="small" onClick={() => answer.mutate({ requestId: r.id, outcome: 'clear' })}>
                        {t({ zh: '无意见', en: 'Clear' })}
                      </Button>
                      <Button size="small" danger onClick={() => setConcernOn(r.id)}>
                        {t({ zh: '提出意见', en: 'Concern' })}
                      </Button>
                    </Space>
                  ) : (
                    (r.answer ?? '')
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <Modal
        open={concernOn !== null}
        title={t({ zh: '提出意见', en: 'Raise a concern' })}
        footer={null}
        onCancel={() => setConcernOn(null)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { reasons: string }) =>
            answer.mutate({ requestId: concernOn ?? '', outcome: 'concern', reasons: v.reasons })
          }
        >
          <Form.Item name="reasons" label={t({ zh: '理由', en: 'Reasons' })} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={answer.isPending}>
            {t({ zh: '提交意见', en: 'Submit' })}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
