import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';

const KIND = {
  department: { zh: '主管部门', en: 'Department' },
  association: { zh: '行业协会', en: 'Association' },
};

/** The recommending bodies (推荐单位) of the jurisdiction, with their user accounts; the office adds one. */
export function RecommendersPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string; kind: 'department' | 'association'; users?: string }>();
  const recommenders = useQuery({
    queryKey: ['office', tenantKey, 'recommenders'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/recommenders', { params: { path: { tenantKey } } }))
        .recommenders,
  });
  const create = useMutation({
    mutationFn: async (value: { name: string; kind: 'department' | 'association'; users?: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/recommenders', {
          params: { path: { tenantKey } },
          body: {
            name: value.name,
            kind: value.kind,
            userIds: (value.users ?? '').split(/[,，\s]+/).filter(Boolean),
          },
        }),
      ),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'recommenders'] });
      message.success(t({ zh: '推荐单位已添加', en: 'Recommender added' }));
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Card
      title={t({ zh: '推荐单位', en: 'Recommenders' })}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t({ zh: '添加推荐单位', en: 'Add a recommender' })}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        loading={recommenders.isLoading}
        dataSource={recommenders.data ?? []}
        columns={[
          { title: t({ zh: '名称', en: 'Name' }), dataIndex: 'name' },
          { title: t({ zh: '类别', en: 'Kind' }), render: (_, r) => t(KIND[r.kind]) },
          { title: t({ zh: '账号', en: 'Users' }), render: (_, r) => (r.userIds ?? []).join('、') || '—' },
          { title: t({ zh: '添加时间', en: 'Added' }), render: (_, r) => formatInstant(r.createdAt, t.language) },
        ]}
      />
      <Modal
        open={creating}
        title={t({ zh: '添加推荐单位', en: 'Add a recommender' })}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'department' }} onFinish={create.mutate}>
          <Form.Item name="name" label={t({ zh: '名称', en: 'Name' })} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t({ zh: '类别', en: 'Kind' })}>
            <Select options={Object.entries(KIND).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="users" label={t({ zh: '账号（用户编号，逗号分隔）', en: 'User ids (comma separated)' })}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
