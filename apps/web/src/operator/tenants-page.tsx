import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { TENANT_LEVELS } from './operator-labels';
import { TenantCreateDrawer } from './tenant-create-drawer';

/** Every jurisdiction: its level, division, status; suspend and resume; its users; a new one from a policy file. */
export function TenantsPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tenants = useQuery({
    queryKey: ['operator', 'tenants'],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants')).tenants,
  });
  const toggle = useMutation({
    mutationFn: async (tenant: { key: string; status: string }) => {
      const params = { path: { tenantKey: tenant.key } };
      return unwrap(
        tenant.status === 'active'
          ? await api.POST('/api/v1/tenants/{tenantKey}/suspend', { params })
          : await api.POST('/api/v1/tenants/{tenantKey}/resume', { params }),
      );
    },
    onSuccess: (tenant) => {
      message.success(
        tenant.status === 'active'
          ? t({ zh: `已恢复：${tenant.nameZh}`, en: `Resumed: ${tenant.nameEn}` })
          : t({ zh: `已暂停：${tenant.nameZh}`, en: `Suspended: ${tenant.nameEn}` }),
      );
      void queryClient.invalidateQueries({ queryKey: ['operator', 'tenants'] });
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Card
      title={t({ zh: '辖区', en: 'Jurisdictions' })}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t({ zh: '新建辖区', en: 'New jurisdiction' })}
        </Button>
      }
    >
      <Table
        rowKey="id"
        loading={tenants.isLoading}
        dataSource={tenants.data ?? []}
        pagination={false}
        columns={[
          { title: t({ zh: '标识', en: 'Key' }), dataIndex: 'key' },
          {
            title: t({ zh: '名称', en: 'Name' }),
            render: (_, tenant) => (
              <Link to={`/operator/tenants/${tenant.key}`}>{t({ zh: tenant.nameZh, en: tenant.nameEn })}</Link>
            ),
          },
          {
            title: t({ zh: '级别', en: 'Level' }),
            render: (_, tenant) => t(TENANT_LEVELS[tenant.level] ?? { zh: tenant.level, en: tenant.level }),
          },
          { title: t({ zh: '行政区划代码', en: 'Division code' }), dataIndex: 'divisionCode' },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, tenant) =>
              tenant.status === 'active' ? (
                <Tag color="green">{t({ zh: '正常', en: 'active' })}</Tag>
              ) : (
                <Tag color="red">{t({ zh: '已暂停', en: 'suspended' })}</Tag>
              ),
          },
          {
            title: t({ zh: '创建时间', en: 'Created' }),
            render: (_, tenant) => formatInstant(tenant.createdAt, t.language),
          },
          {
            title: t({ zh: '操作', en: 'Actions' }),
            render: (_, tenant) => (
              <Space>
                <Link to={`/operator/tenants/${tenant.key}`}>{t({ zh: '用户', en: 'Users' })}</Link>
                <Popconfirm
                  title={
                    tenant.status === 'active'
                      ? t({
                          zh: '暂停后其工作人员只能查看，公众看不到该辖区。确定暂停？',
                          en: 'Its staff may only read and the public sees nothing of it. Suspend?',
                        })
                      : t({ zh: '确定恢复该辖区？', en: 'Resume this jurisdiction?' })
                  }
                  onConfirm={() => toggle.mutate(tenant)}
                >
                  <Button size="small" danger={tenant.status === 'active'}>
                    {tenant.status === 'active' ? t({ zh: '暂停', en: 'Suspend' }) : t({ zh: '恢复', en: 'Resume' })}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <TenantCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
