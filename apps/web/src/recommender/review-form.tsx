import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api/api-client';
import type { Application } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { formatPeriod, ZONE } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';

type Decision = 'recommend' | 'return' | 'refuse';
interface Values {
  decision: Decision;
  text: string;
  publishedOn?: Dayjs;
}

/**
 * The recommender's review: recommend with its audit opinion (opening its public notice where the policy has one,
 * from the publication day given), return for correction, or refuse with reasons.
 */
export function ReviewForm({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [decision, setDecision] = useState<Decision>('recommend');
  const notice = application.plan.find((s) => s.kind === 'recommendation')?.notice;
  const review = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/applications/{id}/review', {
          params: { path: { tenantKey, id: application.id } },
          body: {
            decision: values.decision,
            text: values.text,
            ...(values.decision === 'recommend' && notice && values.publishedOn
              ? { publishedOn: values.publishedOn.format('YYYY-MM-DD') }
              : {}),
          },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['portal', tenantKey, 'application', application.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['portal', tenantKey, 'recommender-queue'] });
      message.success(t({ zh: '审核意见已提交', en: 'Review recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  if (application.status !== 'submitted') return null;
  return (
    <Card title={t({ zh: '推荐审核', en: 'Review' })} style={{ marginBottom: 24 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'recommend', publishedOn: dayjs(dayjs().tz(ZONE).format('YYYY-MM-DD')) }}
        onFinish={(values) => review.mutate(values)}
      >
        <Form.Item name="decision" label={t({ zh: '审核结论', en: 'Decision' })}>
          <Radio.Group onChange={(e) => setDecision(e.target.value as Decision)}>
            <Radio.Button value="recommend">{t({ zh: '同意推荐', en: 'Recommend' })}</Radio.Button>
            <Radio.Button value="return">{t({ zh: '退回补正', en: 'Return for correction' })}</Radio.Button>
            <Radio.Button value="refuse">{t({ zh: '不予推荐', en: 'Refuse' })}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="text"
          label={
            decision === 'recommend' ? t({ zh: '审核意见', en: 'Audit opinion' }) : t({ zh: '理由', en: 'Reasons' })
          }
          rules={[
            { required: true, message: t({ zh: '请填写审核意见或理由', en: 'Write the opinion or reasons' }) },
            { min: 2, message: t({ zh: '至少 2 个字', en: 'At least 2 characters' }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="review-text" />
        </Form.Item>
        {decision === 'recommend' && notice && (
          <Form.Item
            name="publishedOn"
            label={t({ zh: '推荐公示发布日期', en: 'Notice published on' })}
            extra={
              notice.count && notice.unit
                ? t({
                    zh: `公示期 ${formatPeriod({ count: notice.count, unit: notice.unit, basis: notice.basis }, 'zh')}，发布当日不计入`,
                    en: `Notice period ${formatPeriod({ count: notice.count, unit: notice.unit, basis: notice.basis }, 'en')}, the day of publication not counted`,
                  })
                : undefined
            }
          >
            <DatePicker format="YYYY-MM-DD" allowClear={false} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={review.isPending}>
          {t({ zh: '提交审核意见', en: 'Record the review' })}
        </Button>
      </Form>
    </Card>
  );
}
