import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatDate } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { downloadCertificate } from './download-certificate.util';
import { DUTY_STATUS_LABELS, TITLE_STATUS_LABELS } from './post-award-labels';

/**
 * The applicant portal's titles (称号): each with its certificate (download; the public page) and its post-award duties
 * (linxia 第三十二条 …), which the holder submits here.
 */
export function HolderTitlesCard({ tenantKey, applicantId }: { tenantKey: string; applicantId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState<{ id: string; name: string }>();
  const [form] = Form.useForm<{ submission: string }>();
  const titles = useQuery({
    queryKey: ['portal', tenantKey, 'titles', applicantId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applicants/{applicantId}/titles', {
          params: { path: { tenantKey, applicantId } },
        }),
      ),
  });
  const duties = useQuery({
    queryKey: ['portal', tenantKey, 'duties', applicantId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/duties', {
          params: { path: { tenantKey }, query: { applicantId, limit: 200 } },
        }),
      ),
  });
  const submit = useMutation({
    mutationFn: async (input: { dutyId: string; submission: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/duties/{dutyId}/submission', {
          params: { path: { tenantKey, dutyId: input.dutyId } },
          body: { submission: input.submission },
        }),
      ),
    onSuccess: async () => {
      setSubmitting(undefined);
      form.resetFields();
      message.success(t({ zh: '已报送', en: 'Submitted' }));
      await queryClient.invalidateQueries({ queryKey: ['portal', tenantKey, 'duties', applicantId] });
    },
    onError: (error) => message.error(problemText(error)),
  });
  const items = titles.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t({ zh: '我的称号与证书', en: 'My titles and certificates' })} style={{ marginTop: 24 }}>
      <Table
        rowKey={(row) => row.title.id}
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: t({ zh: '称号', en: 'Title' }),
            render: (_, row) =>
              t({
                zh: `${row.title.year}年度 第${row.title.cycleNumber}届`,
                en: `${row.title.year}, cycle ${row.title.cycleNumber}`,
              }),
          },
          {
            title: t({ zh: '状态', en: 'State' }),
            render: (_, row) =>
              t(TITLE_STATUS_LABELS[row.title.status] ?? { zh: row.title.status, en: row.title.status }),
          },
          {
            title: t({ zh: '有效期至', en: 'Valid until' }),
            render: (_, row) => (row.title.validUntil ? formatDate(row.title.validUntil, t.language) : '—'),
          },
          {
            title: t({ zh: '证书', en: 'Certificate' }),
            render: (_, row) =>
              row.certificate ? (
                <Space>
                  <Link to={row.certificate.verifyPath} data-testid="certificate-number">
                    {row.certificate.number}
                  </Link>
                  <Button
                    size="small"
                    onClick={() =>
                      downloadCertificate(tenantKey, row.title.id).catch((e: unknown) => message.error(String(e)))
                    }
                  >
                    {t({ zh: '下载证书', en: 'Download' })}
                  </Button>
                </Space>
              ) : (
                t({ zh: '尚未颁发', en: 'Not issued yet' })
              ),
          },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...(duties.data?.items ?? [])].sort(byDueDate)}
        locale={{ emptyText: t({ zh: '暂无获奖后义务', en: 'No post-award duty' }) }}
        columns={[
          {
            title: t({ zh: '获奖后义务', en: 'Duty' }),
            render: (_, d) => `${t(d.name)}${d.sequence > 1 || d.kind === 'annual_report' ? ` #${d.sequence}` : ''}`,
          },
          { title: t({ zh: '报送对象', en: 'To' }), dataIndex: 'recipient' },
          {
            title: t({ zh: '截止日期', en: 'Due' }),
            render: (_, d) =>
              d.dueDate ? formatDate(d.dueDate, t.language) : t({ zh: '发生时 / 另行通知', en: 'When due' }),
          },
          { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
          {
            title: t({ zh: '状态', en: 'State' }),
            render: (_, d) => {
              const label = DUTY_STATUS_LABELS[d.status];
              return <Tag color={label?.color}>{label ? t(label.text) : d.status}</Tag>;
            },
          },
          {
            title: '',
            render: (_, d) =>
              d.status !== 'submitted' && (
                <Button size="small" type="primary" onClick={() => setSubmitting({ id: d.id, name: t(d.name) })}>
                  {t({ zh: '报送', en: 'Submit' })}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!submitting}
        title={submitting?.name}
        okText={t({ zh: '报送', en: 'Submit' })}
        confirmLoading={submit.isPending}
        onCancel={() => setSubmitting(undefined)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => submitting && submit.mutate({ dutyId: submitting.id, submission: values.submission })}
        >
          <Form.Item
            name="submission"
            label={t({ zh: '报告内容', en: 'Report' })}
            rules={[{ required: true, min: 10, message: t({ zh: '请填写至少10个字', en: 'At least 10 characters' }) }]}
          >
            <Input.TextArea rows={6} data-testid="duty-submission" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** Duties by due date (undated last), then by obligation and number. */
function byDueDate(a: { dueDate: string | null; key: string; sequence: number }, b: typeof a): number {
  if (a.dueDate !== b.dueDate)
    return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate.localeCompare(b.dueDate);
  return a.key.localeCompare(b.key) || a.sequence - b.sequence;
}
