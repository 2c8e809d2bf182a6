import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/api-client';
import type { Application } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { formatDate, formatDeadline, formatPeriod, plainBasis, ZONE } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';

interface Values {
  startedOn: Dayjs;
  evidence: string;
}

/**
 * Internal publicity inside the applicant (e.g. ili 第十条): the day it started and its evidence; the service
 * computes the last day on the official calendar, shown with the period and its article.
 */
export function PublicityCard({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const step = application.plan.find((s) => s.kind === 'internal_publicity');
  const notice = step?.notice;
  const period =
    notice?.count && notice.unit
      ? formatPeriod({ count: notice.count, unit: notice.unit, basis: notice.basis }, t.language)
      : null;
  const start = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/applications/{id}/internal-publicity', {
          params: { path: { tenantKey, id: application.id } },
          body: { startedOn: values.startedOn.format('YYYY-MM-DD'), evidence: values.evidence },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['portal', tenantKey, 'application', application.id], saved);
      message.success(t({ zh: '内部公示已开始', en: 'Internal publicity started' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  if (!step) return null;
  const publicity = application.publicity;
  return (
    <Card
      title={t({ zh: '内部公示', en: 'Internal publicity' })}
      extra={period && <span data-testid="publicity-period">{period}</span>}
      style={{ marginBottom: 24 }}
    >
      {publicity ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t({ zh: '开始日期', en: 'Started on' })}>
            {formatDate(publicity.startedOn, t.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '公示期满', en: 'Last day' })}>
            <span data-testid="publicity-last-day">{formatDeadline(publicity.lastDay, t.language)}</span>
            <span style={{ marginLeft: 8, color: '#666' }}>
              {t({
                zh: `（${period ?? ''}，开始当日不计入；依据${plainBasis(publicity.basis)}）`,
                en: ` (${period ?? ''}, the first day not counted; ${plainBasis(publicity.basis)})`,
              })}
            </span>
            {publicity.provisional && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                {t({ zh: '法定节假日安排未公布，暂按周末计算', en: 'Provisional: holidays not yet published' })}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '公示证明', en: 'Evidence' })}>{publicity.evidence}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Form
          form={form}
          layout="vertical"
          disabled={application.status !== 'draft'}
          initialValues={{ startedOn: dayjs(dayjs().tz(ZONE).format('YYYY-MM-DD')) }}
          onFinish={(values) => start.mutate(values)}
        >
          <Form.Item
            name="startedOn"
            label={t({ zh: '公示开始日期', en: 'Started on' })}
            rules={[{ required: true, message: t({ zh: '请填写开始日期', en: 'Enter the day' }) }]}
          >
            <DatePicker format="YYYY-MM-DD" allowClear={false} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="evidence"
            label={t({ zh: '公示证明（公示照片、无异议说明等）', en: 'Evidence (photos, statement of no objection)' })}
            rules={[{ required: true, message: t({ zh: '请说明公示证明', en: 'Describe the evidence' }) }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            {t({ zh: '开始内部公示', en: 'Start internal publicity' })}
          </Button>
        </Form>
      )}
    </Card>
  );
}
