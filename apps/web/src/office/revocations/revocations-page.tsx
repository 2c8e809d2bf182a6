import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { REVOCATION_GROUND, REVOCATION_STATUS } from './revocation-labels';

interface OpenValues {
  titleId: string;
  ground: string;
  eventOn: Dayjs;
  description: string;
  evidenceTitle: string;
  evidenceReference: string;
}

/** The revocation cases (撤销): open one against a title with its ground and evidence; each case's page decides it. */
export function RevocationsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<OpenValues>();
  const cases = useQuery({
    queryKey: ['office', tenantKey, 'revocations'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/revocations', { params: { path: { tenantKey } } })).cases,
  });
  const open = useMutation({
    mutationFn: async (values: OpenValues) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/revocations', {
          params: { path: { tenantKey } },
          body: {
            titleId: values.titleId,
            ground: values.ground as 'fraud_or_bribery',
            eventOn: values.eventOn?.format('YYYY-MM-DD'),
            description: values.description,
            evidence: [{ title: values.evidenceTitle, reference: values.evidenceReference }],
          },
        }),
      ),
    onSuccess: (created) => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'revocations'] });
      setOpening(false);
      navigate(`/office/${tenantKey}/revocations/${created.id}`);
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <Card
      title={t({ zh: '撤销案件', en: 'Revocation cases' })}
      extra={
        <Button type="primary" onClick={() => setOpening(true)}>
          {t({ zh: '立案', en: 'Open a case' })}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        loading={cases.isLoading}
        dataSource={cases.data ?? []}
        columns={[
          {
            title: t({ zh: '获奖者', en: 'Winner' }),
            render: (_, c) => <Link to={`/office/${tenantKey}/revocations/${c.id}`}>{c.subject.applicantName}</Link>,
          },
          {
            title: t({ zh: '事由', en: 'Ground' }),
            render: (_, c) => t(REVOCATION_GROUND[c.ground] ?? { zh: c.ground, en: c.ground }),
          },
          { title: t({ zh: '发生日期', en: 'Event on' }), dataIndex: 'eventOn' },
          { title: t({ zh: '立案时间', en: 'Opened' }), render: (_, c) => formatInstant(c.openedAt, t.language) },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, c) => {
              const status = REVOCATION_STATUS[c.status];
              return <Tag color={status?.color}>{status ? t(status.label) : c.status}</Tag>;
            },
          },
        ]}
      />
      <Modal
        title={t({ zh: '立案：撤销称号', en: 'Open a revocation case' })}
        open={opening}
        onCancel={() => setOpening(false)}
        onOk={() => form.submit()}
        okText={t({ zh: '立案', en: 'Open' })}
        confirmLoading={open.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(values) => open.mutate(values)}>
          <Form.Item name="titleId" label={t({ zh: '称号编号', en: 'Title id' })} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="ground" label={t({ zh: '事由', en: 'Ground' })} rules={[{ required: true }]}>
            <Select options={Object.entries(REVOCATION_GROUND).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="eventOn" label={t({ zh: '发生日期', en: 'Event on' })} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="description" label={t({ zh: '情况说明', en: 'Description' })} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="evidenceTitle" label={t({ zh: '证据名称', en: 'Evidence' })} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="evidenceReference"
            label={t({ zh: '证据文号或出处', en: 'Evidence reference' })}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
