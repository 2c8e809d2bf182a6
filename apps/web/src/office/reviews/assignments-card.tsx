import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api-client';
import type { Assignment } from '../../api/api-types';
import { problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';

type Action = { kind: 'lock' | 'unlock' | 'change'; assignment: Assignment };

/**
 * The stage's assignment: the office runs the solver (an impossible one says which constraint binds), locks or changes
 * single assignments with a reason; removed assignments stay listed with why.
 */
export function AssignmentsCard(props: { tenantKey: string; stageId: string; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = { tenantKey: props.tenantKey, id: props.stageId };
  const [action, setAction] = useState<Action>();
  const [infeasible, setInfeasible] = useState<string>();
  const list = useQuery({
    queryKey: ['office', props.tenantKey, 'assignments', props.stageId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/review-stages/{id}/assignments', { params: { path } }))
        .assignments,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['office', props.tenantKey] });
  const solve = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/tenants/{tenantKey}/review-stages/{id}/assignments/solve', { params: { path } })),
    onSuccess: async () => {
      setInfeasible(undefined);
      message.success(t({ zh: '已完成分配', en: 'Assigned' }));
      await refresh();
    },
    onError: (error) => setInfeasible(problemText(error)),
  });
  const current = (list.data ?? []).filter((a) => a.status === 'assigned');
  const removed = (list.data ?? []).filter((a) => a.status === 'removed');
  return (
    <Card
      title={t({ zh: '专家分配', en: 'Assignment' })}
      extra={
        props.editable && (
          <Button type="primary" loading={solve.isPending} onClick={() => solve.mutate()}>
            {t({ zh: '运行分配', en: 'Run the assignment' })}
          </Button>
        )
      }
    >
      {infeasible && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t({ zh: '无法完成分配', en: 'No assignment is possible' })}
          description={infeasible}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        dataSource={current}
        locale={{ emptyText: t({ zh: '尚未分配', en: 'Nothing assigned yet' }) }}
        columns={[
          { title: t({ zh: '申报主体', en: 'Applicant' }), dataIndex: 'applicantName' },
          { title: t({ zh: '专家', en: 'Expert' }), dataIndex: 'expertName' },
          {
            title: t({ zh: '来源', en: 'By' }),
            render: (_, a) => (
              <Space>
                <Tag>
                  {a.source === 'solver' ? t({ zh: '自动分配', en: 'Solver' }) : t({ zh: '办公室调整', en: 'Office' })}
                </Tag>
                {a.locked && (
                  <Tag icon={<LockOutlined />} color="gold">
                    {t({ zh: '已锁定', en: 'Locked' })}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t({ zh: '理由', en: 'Reason' }), render: (_, a) => a.reason ?? '—' },
          {
            title: t({ zh: '操作', en: 'Actions' }),
            render: (_, a) =>
              props.editable && (
                <Space>
                  <Button size="small" onClick={() => setAction({ kind: a.locked ? 'unlock' : 'lock', assignment: a })}>
                    {a.locked ? t({ zh: '解锁', en: 'Unlock' }) : t({ zh: '锁定', en: 'Lock' })}
                  </Button>
                  <Button size="small" onClick={() => setAction({ kind: 'change', assignment: a })}>
                    {t({ zh: '调整专家', en: 'Change' })}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {removed.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          title={() => t({ zh: '已撤销的分配', en: 'Removed assignments' })}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={removed}
          columns={[
            { title: t({ zh: '申报主体', en: 'Applicant' }), dataIndex: 'applicantName' },
            { title: t({ zh: '专家', en: 'Expert' }), dataIndex: 'expertName' },
            { title: t({ zh: '原因', en: 'Why' }), render: (_, a) => a.history.at(-1)?.reason ?? '—' },
          ]}
        />
      )}
      {action && (
        <ActionModal
          tenantKey={props.tenantKey}
          stageId={props.stageId}
          action={action}
          onDone={async () => {
            setAction(undefined);
            await refresh();
          }}
          onCancel={() => setAction(undefined)}
        />
      )}
    </Card>
  );
}

function ActionModal(props: {
  tenantKey: string;
  stageId: string;
  action: Action;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; expertId?: string }>();
  const { kind, assignment } = props.action;
  const panel = useQuery({
    queryKey: ['office', props.tenantKey, 'panel', props.stageId],
    enabled: kind === 'change',
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/review-stages/{id}/panel', {
          params: { path: { tenantKey: props.tenantKey, id: props.stageId } },
        }),
      ),
  });
  const act = useMutation({
    mutationFn: async (values: { reason: string; expertId?: string }) => {
      const params = { path: { tenantKey: props.tenantKey, id: assignment.id } };
      if (kind === 'change') {
        return unwrap(
          await api.POST('/api/v1/tenants/{tenantKey}/assignments/{id}/change', {
            params,
            body: { expertId: values.expertId ?? '', reason: values.reason },
          }),
        );
      }
      return unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/assignments/{id}/lock', {
          params,
          body: { locked: kind === 'lock', reason: values.reason },
        }),
      );
    },
    onSuccess: () => props.onDone(),
    onError: (error) => message.error(problemText(error)),
  });
  const titles = {
    lock: { zh: '锁定分配', en: 'Lock the assignment' },
    unlock: { zh: '解除锁定', en: 'Unlock the assignment' },
    change: { zh: '调整评审专家', en: 'Change the expert' },
  };
  return (
    <Modal
      open
      title={`${t(titles[kind])}：${assignment.applicantName} / ${assignment.expertName}`}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
    >
      <Form form={form} layout="vertical" onFinish={(values) => act.mutate(values)}>
        {kind === 'change' && (
          <Form.Item name="expertId" label={t({ zh: '改由专家', en: 'New expert' })} rules={[{ required: true }]}>
            <Select
              options={(panel.data?.members ?? [])
                .filter((m) => m.expertId !== assignment.expertId)
                .map((m) => ({ value: m.expertId, label: `${m.expertName}（${m.load}/${m.maxLoad}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t({ zh: '理由', en: 'Reason' })}
          rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
