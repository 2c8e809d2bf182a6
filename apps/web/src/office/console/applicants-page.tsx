import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { CrossTenantFlagLines } from '../revocations/cross-tenant-flags';

interface NewApplicant {
  kind: 'organisation' | 'individual';
  name: string;
  code: string;
}

/** The jurisdiction's applicants: found by name or unified social credit code; the office registers a new one. */
export function ApplicantsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message, modal } = App.useApp();
  const queries = useQueryClient();
  const [filter, setFilter] = useState<{ name?: string; creditCode?: string }>({});
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewApplicant>();
  const applicants = useQuery({
    queryKey: ['office', tenantKey, 'applicants', filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applicants', {
          params: { path: { tenantKey }, query: { ...filter, limit: 200 } },
        }),
      ).applicants,
  });
  const create = useMutation({
    mutationFn: async (value: NewApplicant) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/applicants', {
          params: { path: { tenantKey } },
          body:
            value.kind === 'organisation'
              ? { kind: 'organisation', name: value.name, creditCode: value.code }
              : { kind: 'individual', name: value.name, idNumber: value.code },
        }),
      ),
    onSuccess: (created) => {
      setCreating(false);
      form.resetFields();
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'applicants'] });
      message.success(t({ zh: '申报主体已登记', en: 'Applicant registered' }));
      // Other jurisdictions' revocations and bans of the organisation (the cross-tenant register): shown, not binding.
      if (created.crossTenantFlags?.length) {
        modal.warning({
          title: t({ zh: '其他辖区的撤销或禁止申报记录', en: 'Revocations or bans in other jurisdictions' }),
          content: <CrossTenantFlagLines flags={created.crossTenantFlags} />,
        });
      }
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Card
      title={t({ zh: '申报主体', en: 'Applicants' })}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t({ zh: '名称', en: 'Name' })}
            onSearch={(name) => setFilter({ ...filter, name: name.trim() || undefined })}
          />
          <Input.Search
            allowClear
            placeholder={t({ zh: '统一社会信用代码', en: 'Credit code' })}
            onSearch={(code) => setFilter({ ...filter, creditCode: code.trim() || undefined })}
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            {t({ zh: '登记申报主体', en: 'Register an applicant' })}
          </Button>
        </Space>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        loading={applicants.isLoading}
        dataSource={applicants.data ?? []}
        columns={[
          { title: t({ zh: '名称', en: 'Name' }), dataIndex: 'name' },
          {
            title: t({ zh: '类别', en: 'Kind' }),
            render: (_, a) =>
              t(a.kind === 'organisation' ? { zh: '组织', en: 'Organisation' } : { zh: '个人', en: 'Individual' }),
          },
          {
            title: t({ zh: '统一社会信用代码/身份证号', en: 'Credit code / ID' }),
            render: (_, a) => a.creditCode ?? a.idNumber ?? '—',
          },
          { title: t({ zh: '登记时间', en: 'Registered' }), render: (_, a) => formatInstant(a.createdAt, t.language) },
        ]}
      />
      <Modal
        open={creating}
        title={t({ zh: '登记申报主体', en: 'Register an applicant' })}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'organisation' }} onFinish={create.mutate}>
          <Form.Item name="kind" label={t({ zh: '类别', en: 'Kind' })}>
            <Select
              options={[
                { value: 'organisation', label: t({ zh: '组织', en: 'Organisation' }) },
                { value: 'individual', label: t({ zh: '个人', en: 'Individual' }) },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t({ zh: '名称/姓名', en: 'Name' })} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="code"
            label={t({ zh: '统一社会信用代码（组织）或身份证号（个人）', en: 'Credit code or ID number' })}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
