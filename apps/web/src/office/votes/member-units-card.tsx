import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Table } from 'antd';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';

/** The leading group's member units: the office records each with the `leading_group` account it votes through. */
export function MemberUnitsCard(props: { tenantKey: string }) {
  const { tenantKey } = props;
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  type UnitForm = { name: string; userId: string; creditCode?: string; subordinateCreditCodes?: string[] };
  const [form] = Form.useForm<UnitForm>();
  const units = useQuery({
    queryKey: ['office', tenantKey, 'member-units'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/member-units', { params: { path: { tenantKey } } }))
        .memberUnits,
  });
  const users = useQuery({
    queryKey: ['office', tenantKey, 'users'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/users', { params: { path: { tenantKey } } })).users,
  });
  const taken = new Set((units.data ?? []).map((u) => u.userId));
  const add = useMutation({
    mutationFn: async ({ creditCode, ...rest }: UnitForm) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/member-units', {
          params: { path: { tenantKey } },
          body: { ...rest, creditCode: creditCode?.trim() || null },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'member-units'] });
      message.success(t({ zh: '成员单位已登记', en: 'Member unit recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <Card title={t({ zh: '领导小组成员单位', en: 'Member units of the leading group' })} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={units.isLoading}
        dataSource={units.data ?? []}
        columns={[
          { title: t({ zh: '成员单位', en: 'Unit' }), dataIndex: 'name' },
          {
            title: t({ zh: '投票账号', en: 'Account' }),
            dataIndex: 'userId',
            render: (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? id,
          },
          {
            title: t({ zh: '信用代码（本单位 / 下属单位）', en: 'Credit codes (own / units under it)' }),
            key: 'codes',
            render: (_: unknown, row) =>
              [row.creditCode, ...row.subordinateCreditCodes].filter(Boolean).join('、') || '—',
          },
          {
            title: t({ zh: '登记', en: 'Recorded' }),
            key: 'recorded',
            render: (_: unknown, row) => `${row.recordedBy ?? ''} ${formatInstant(row.recordedAt, t.language)}`,
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(value) => add.mutate(value)}>
        <Form.Item name="name" rules={[{ required: true, message: t({ zh: '请填写单位名称', en: 'Name it' }) }]}>
          <Input placeholder={t({ zh: '单位名称，如 州市场监督管理局', en: 'Unit name' })} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="userId" rules={[{ required: true, message: t({ zh: '请选择账号', en: 'Pick an account' }) }]}>
          <Select
            style={{ width: 220 }}
            placeholder={t({ zh: '领导小组角色的账号', en: 'A leading-group account' })}
            options={(users.data ?? [])
              .filter((u) => u.roles.includes('leading_group') && !taken.has(u.id))
              .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
        <Form.Item name="creditCode">
          <Input
            placeholder={t({ zh: '本单位统一社会信用代码（可选）', en: 'Its credit code (optional)' })}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item name="subordinateCreditCodes">
          <Select
            mode="tags"
            style={{ width: 260 }}
            open={false}
            placeholder={t({ zh: '下属单位信用代码（回车分隔，可选）', en: 'Units under it (optional)' })}
          />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t({ zh: '登记成员单位', en: 'Record unit' })}
        </Button>
      </Form>
    </Card>
  );
}
