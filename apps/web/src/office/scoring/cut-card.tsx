import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api-client';
import type { StageResult } from '../../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';

/**
 * Who goes on after a stage whose score decides it (inner-mongolia 第十四条（一）): the recorded cut, or the form to
 * record it (a number or a least score, with a reason). The service refuses while flags are open, when a number splits
 * a tie, and where the policy has no such cut — the answer says which, with the article.
 */
export function CutCard(props: { tenantKey: string; cycle: number; stageKey: string; result: StageResult }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ count?: number; minScore?: number; reason: string }>();
  const [by, setBy] = useState<'count' | 'minScore'>('count');
  const names = new Map(props.result.ranking.map((row) => [row.applicationId, row.applicantName]));
  const record = useMutation({
    mutationFn: async (values: { count?: number; minScore?: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/cut', {
          params: { path: { tenantKey: props.tenantKey, cycle: props.cycle, stageKey: props.stageKey } },
          body:
            by === 'count'
              ? { count: values.count, reason: values.reason }
              : { minScore: values.minScore, reason: values.reason },
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(['office', props.tenantKey, 'stage-result', props.cycle, props.stageKey], result);
      message.success(t({ zh: '进入名单已记录', en: 'Cut recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const cut = props.result.cut;
  return (
    <Card size="small" title={t({ zh: '进入下一环节的名单', en: 'Who goes on' })}>
      {cut ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{cut.basis}</Descriptions.Item>
          <Descriptions.Item label={t({ zh: '规则', en: 'Rule' })}>
            {cut.count !== null
              ? `前 ${cut.count} 名进入 ${cut.toStage}`
              : `不低于 ${cut.minScore} 分进入 ${cut.toStage}`}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '进入', en: 'Go on' })}>
            {cut.goesOn.map((id) => names.get(id) ?? id).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '未进入', en: 'Stop' })}>
            {cut.stops.map((id) => names.get(id) ?? id).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '理由', en: 'Reason' })}>
            {`${cut.reason}（${cut.decidedBy ?? ''}，${formatInstant(cut.decidedAt, t.language)}）`}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Form form={form} layout="inline" onFinish={(values) => record.mutate(values)}>
          <Form.Item>
            <Radio.Group value={by} onChange={(e) => setBy(e.target.value)}>
              <Radio.Button value="count">{t({ zh: '按人数', en: 'By number' })}</Radio.Button>
              <Radio.Button value="minScore">{t({ zh: '按最低分', en: 'By least score' })}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {by === 'count' ? (
            <Form.Item name="count" rules={[{ required: true, message: '' }]}>
              <InputNumber min={1} placeholder={t({ zh: '人数', en: 'Number' })} />
            </Form.Item>
          ) : (
            <Form.Item name="minScore" rules={[{ required: true, message: '' }]}>
              <InputNumber min={0} placeholder={t({ zh: '最低分', en: 'Least score' })} />
            </Form.Item>
          )}
          <Form.Item name="reason" rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}>
            <Input placeholder={t({ zh: '理由', en: 'Reason' })} style={{ width: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t({ zh: '记录进入名单', en: 'Record the cut' })}
          </Button>
        </Form>
      )}
    </Card>
  );
}
