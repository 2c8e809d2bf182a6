import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { StatusTag } from '../../shared/status-tag';
import { useLatestCycle } from '../votes/use-latest-cycle';
import { CATEGORY, CLEARANCE_STATUS } from './winners-labels';

type Decide = { outcome: 'dismissed' | 'upheld'; decidedOn: string; reason: string };

/**
 * Background clearance (征求意见): the departments and their accounts, clearance opened per candidate (the
 * departments the policy names for its category), the answers, and the leading group's decisions on concerns.
 */
export function ClearancePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const { cycle, loading, error } = useLatestCycle(tenantKey);
  const number = cycle?.number ?? 0;
  const [deciding, setDeciding] = useState<string | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ['office', tenantKey, 'clearance'] });
  const departments = useQuery({
    queryKey: ['office', tenantKey, 'clearance', 'departments'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/departments', { params: { path: { tenantKey } } })).items,
  });
  const requests = useQuery({
    queryKey: ['office', tenantKey, 'clearance', 'requests', number],
    enabled: Boolean(cycle),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/clearance-requests', {
          params: { path: { tenantKey }, query: { cycleNumber: number } },
        }),
      ).items,
  });
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
  const addDepartment = useMutation({
    mutationFn: async (v: { name: string; key?: string; userIds?: string[] }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/departments', {
          params: { path: { tenantKey } },
          body: { name: v.name, key: v.key || undefined, userIds: v.userIds ?? [] },
        }),
      ),
    onSuccess: () => refresh(),
    onError: (e) => message.error(problemText(e)),
  });
  const open = useMutation({
    mutationFn: async (v: { applicationId: string; category: 'enterprise' | 'public_body'; dueOn: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/cycles/{number}/clearance', {
          params: { path: { tenantKey, number } },
          body: { ...v, others: [] },
        }),
      ),
    onSuccess: () => {
      refresh();
      message.success(t({ zh: '已向各部门征求意见', en: 'Departments asked' }));
    },
    onError: (e) => message.error(problemText(e)),
  });
  const decide = useMutation({
    mutationFn: async (v: Decide) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/clearance-requests/{requestId}/decision', {
          params: { path: { tenantKey, requestId: deciding ?? '' } },
          body: v,
        }),
      ),
    onSuccess: () => {
      setDeciding(null);
      refresh();
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <QueryState loading={loading || departments.isLoading} error={error ?? departments.error}>
      {() => {
        if (!cycle) return <Empty description={t({ zh: '尚未开启任何一届', en: 'No cycle yet' })} />;
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title={t({ zh: '征求意见部门', en: 'Departments' })}>
              <Form layout="inline" onFinish={(v) => addDepartment.mutate(v)} style={{ marginBottom: 12 }}>
                <Form.Item name="name" rules={[{ required: true }]}>
                  <Input placeholder={t({ zh: '部门名称', en: 'Name' })} />
                </Form.Item>
                <Form.Item name="key">
                  <Input placeholder={t({ zh: '政策中的部门标识（如 public_security）', en: 'Policy key' })} />
                </Form.Item>
                <Form.Item name="userIds">
                  <Select
                    mode="tags"
                    style={{ width: 260 }}
                    placeholder={t({ zh: '部门账号（用户 ID）', en: 'Account user ids' })}
                  />
                </Form.Item>
                <Button htmlType="submit" loading={addDepartment.isPending}>
                  {t({ zh: '登记部门', en: 'Add' })}
                </Button>
              </Form>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={departments.data ?? []}
                columns={[
                  { title: t({ zh: '部门', en: 'Department' }), dataIndex: 'name' },
                  { title: t({ zh: '政策标识', en: 'Key' }), dataIndex: 'key' },
                  { title: t({ zh: '账号数', en: 'Accounts' }), render: (_: unknown, d) => d.userIds.length },
                ]}
              />
            </Card>
            <Card title={t({ zh: `第 ${cycle.number} 届征求意见`, en: `Cycle ${cycle.number} clearance` })}>
              <Form layout="inline" onFinish={(v) => open.mutate(v)} style={{ marginBottom: 12 }}>
                <Form.Item name="applicationId" rules={[{ required: true }]}>
                  <Select
                    style={{ width: 240 }}
                    placeholder={t({ zh: '候选对象', en: 'Candidate' })}
                    options={(list.data?.entries ?? []).map((e) => ({
                      value: e.applicationId,
                      label: e.applicantName,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="category" rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    placeholder={t({ zh: '类别', en: 'Category' })}
                    options={Object.entries(CATEGORY).map(([value, label]) => ({ value, label: t(label) }))}
                  />
                </Form.Item>
                <Form.Item name="dueOn" rules={[{ required: true }]}>
                  <Input placeholder={t({ zh: '答复期限 YYYY-MM-DD', en: 'Due YYYY-MM-DD' })} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={open.isPending}>
                  {t({ zh: '征求意见', en: 'Ask' })}
                </Button>
              </Form>
              <Table
                rowKey="id"
                size="small"
                loading={requests.isLoading}
                dataSource={requests.data ?? []}
                columns={[
                  { title: t({ zh: '候选对象', en: 'Candidate' }), dataIndex: 'applicantName' },
                  { title: t({ zh: '部门', en: 'Department' }), render: (_: unknown, r) => r.department.name },
                  { title: t({ zh: '期限', en: 'Due' }), dataIndex: 'dueOn' },
                  {
                    title: t({ zh: '状态', en: 'State' }),
                    dataIndex: 'status',
                    render: (s: string) => <StatusTag table={CLEARANCE_STATUS} status={s} />,
                  },
                  { title: t({ zh: '意见', en: 'Answer' }), dataIndex: 'answer' },
                  { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
                  {
                    title: '',
                    render: (_: unknown, r) =>
                      r.status === 'concern' ? (
                        <Button size="small" onClick={() => setDeciding(r.id)}>
                          {t({ zh: '记录领导小组决定', en: 'Record decision' })}
                        </Button>
                      ) : (
                        (r.decisionReason ?? '')
                      ),
                  },
                ]}
              />
            </Card>
            <Modal
              open={deciding !== null}
              title={t({ zh: '领导小组对意见的决定', en: 'The leading group’s decision' })}
              footer={null}
              onCancel={() => setDeciding(null)}
              destroyOnHidden
            >
              <Form<Decide> layout="vertical" onFinish={(v) => decide.mutate(v)}>
                <Form.Item name="outcome" label={t({ zh: '决定', en: 'Decision' })} rules={[{ required: true }]}>
                  <Radio.Group
                    options={[
                      { value: 'dismissed', label: t({ zh: '不予采纳，继续评选', en: 'Dismissed' }) },
                      { value: 'upheld', label: t({ zh: '采纳，不再列为候选', en: 'Upheld: removed' }) },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="decidedOn" label={t({ zh: '决定日期', en: 'Date' })} rules={[{ required: true }]}>
                  <Input placeholder="YYYY-MM-DD" />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label={t({ zh: '理由（会议与决定）', en: 'Reason' })}
                  rules={[{ required: true }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={decide.isPending}>
                  {t({ zh: '确认记录', en: 'Record' })}
                </Button>
              </Form>
            </Modal>
          </Space>
        );
      }}
    </QueryState>
  );
}
