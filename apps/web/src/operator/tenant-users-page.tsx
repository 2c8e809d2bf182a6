import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import type { BodyOf } from '../api/api-types';
import { fieldErrorsOf, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { ROLES } from './operator-labels';

type NewUser = BodyOf<'/api/v1/tenants/{tenantKey}/users', 'post'>;

/** One jurisdiction's users and their roles; a new account with its roles (field reasons under their inputs). */
export function TenantUsersPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const queryClient = useQueryClient();
  const params = { path: { tenantKey } };
  const tenant = useQuery({
    queryKey: ['operator', 'tenant', tenantKey],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}', { params })),
  });
  const users = useQuery({
    queryKey: ['operator', 'tenant', tenantKey, 'users'],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}/users', { params })).users,
  });
  const create = useMutation({
    mutationFn: async (body: NewUser) => unwrap(await api.POST('/api/v1/tenants/{tenantKey}/users', { params, body })),
    onSuccess: (user) => {
      message.success(t({ zh: `已创建用户 ${user.username}`, en: `Created ${user.username}` }));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['operator', 'tenant', tenantKey, 'users'] });
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  const name = tenant.data ? t({ zh: tenant.data.nameZh, en: tenant.data.nameEn }) : tenantKey;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`${name}：${t({ zh: '用户', en: 'users' })}`}
        extra={<Link to="/operator/tenants">{t({ zh: '返回辖区列表', en: 'All jurisdictions' })}</Link>}
      >
        <Table
          rowKey="id"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          pagination={false}
          columns={[
            { title: t({ zh: '用户名', en: 'Username' }), dataIndex: 'username' },
            { title: t({ zh: '姓名', en: 'Name' }), dataIndex: 'displayName' },
            {
              title: t({ zh: '角色', en: 'Roles' }),
              render: (_, user) =>
                user.roles.map((role) => <Tag key={role}>{t(ROLES[role] ?? { zh: role, en: role })}</Tag>),
            },
            {
              title: t({ zh: '创建时间', en: 'Created' }),
              render: (_, user) => formatInstant(user.createdAt, t.language),
            },
          ]}
        />
      </Card>
      <Card title={t({ zh: '新建用户', en: 'New user' })}>
        <Form form={form} layout="inline" onFinish={(values) => create.mutate(values)} style={{ rowGap: 12 }}>
          <Form.Item name="username" label={t({ zh: '用户名', en: 'Username' })} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t({ zh: '姓名', en: 'Name' })} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t({ zh: '初始密码', en: 'Password' })} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t({ zh: '角色', en: 'Roles' })} rules={[{ required: true }]}>
            <Checkbox.Group options={Object.entries(ROLES).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t({ zh: '创建', en: 'Create' })}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
