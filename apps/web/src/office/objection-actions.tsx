import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Radio, Space } from 'antd';
import { api } from '../api/api-client';
import type { Objection } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';

type Step = 'admit' | 'refuse' | 'investigator' | 'finding' | 'decision';

/**
 * What the office does next with an objection, by its status: admit (the written receipt is issued) or refuse with
 * reasons; then assign investigators with no interest in the case, record findings, and decide.
 */
export function ObjectionActions({ tenantKey, objection }: { tenantKey: string; objection: Objection }) {
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm();
  const path = { tenantKey, id: objection.id };
  const act = useMutation({
    mutationFn: async ({ step, values }: { step: Step; values: Record<string, unknown>; fields: string[] }) => {
      const params = { path };
      switch (step) {
        case 'admit':
          return unwrap(await api.POST('/api/v1/tenants/{tenantKey}/objections/{id}/admit', { params, body: {} }));
        case 'refuse':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/objections/{id}/refuse', {
              params,
              body: { reasons: String(values.reasons ?? '') },
            }),
          );
        case 'investigator':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/objections/{id}/investigators', {
              params,
              body: { name: String(values.investigator ?? ''), declaration: { hasInterest: false } },
            }),
          );
        case 'finding':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/objections/{id}/findings', {
              params,
              body: { text: String(values.finding ?? '') },
            }),
          );
        case 'decision':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/objections/{id}/decision', {
              params,
              body: {
                outcome: values.outcome === 'upheld' ? 'upheld' : 'dismissed',
                prohibitedGround: Boolean(values.prohibitedGround),
                reasons: String(values.reasons ?? ''),
              },
            }),
          );
      }
    },
    onSuccess: (updated, { fields }) => {
      // Only the step's own inputs are cleared: a decision being drafted survives adding a finding.
      form.resetFields(fields);
      queries.setQueryData(['office', tenantKey, 'objection', objection.id], updated);
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'objections'] });
      message.success(t({ zh: '已办理', en: 'Done' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const run = (step: Step, fields: string[]) => async () => {
    const values = await form.validateFields(fields);
    act.mutate({ step, values, fields });
  };
  const required = (zh: string, en: string) => [{ required: true, message: t({ zh, en }) }];

  if (objection.status === 'received') {
    return (
      <Form form={form} layout="vertical">
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" loading={act.isPending} onClick={run('admit', [])} data-testid="admit">
            {t({ zh: '受理（出具书面凭证）', en: 'Admit (issue the written receipt)' })}
          </Button>
        </Space>
        <Form.Item
          name="reasons"
          label={t({ zh: '不予受理理由', en: 'Reasons for refusal' })}
          rules={required('请填写不予受理理由', 'Give the reasons')}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button danger loading={act.isPending} onClick={run('refuse', ['reasons'])}>
          {t({ zh: '不予受理', en: 'Refuse' })}
        </Button>
      </Form>
    );
  }
  if (objection.status !== 'admitted') return null;
  return (
    <Form form={form} layout="vertical" initialValues={{ outcome: 'dismissed' }}>
      <Form.Item
        name="investigator"
        label={t({ zh: '调查人员（声明与本案无利害关系）', en: 'Investigator (declares no interest in the case)' })}
        rules={required('请填写调查人员姓名', 'Name the investigator')}
      >
        <Input style={{ maxWidth: 320 }} />
      </Form.Item>
      <Button onClick={run('investigator', ['investigator'])} loading={act.isPending} style={{ marginBottom: 24 }}>
        {t({ zh: '指派调查人员', en: 'Assign' })}
      </Button>
      <Form.Item
        name="finding"
        label={t({ zh: '调查情况', en: 'Finding' })}
        rules={required('请填写调查情况', 'Write the finding')}
      >
        <Input.TextArea rows={3} data-testid="finding-text" />
      </Form.Item>
      <Button
        onClick={run('finding', ['finding'])}
        loading={act.isPending}
        style={{ marginBottom: 24 }}
        data-testid="record-finding"
      >
        {t({ zh: '记录调查情况', en: 'Record the finding' })}
      </Button>
      <Form.Item name="outcome" label={t({ zh: '处理决定', en: 'Decision' })}>
        <Radio.Group>
          <Radio value="dismissed">{t({ zh: '异议不成立', en: 'Dismissed' })}</Radio>
          <Radio value="upheld">{t({ zh: '异议成立', en: 'Upheld' })}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="prohibitedGround" valuePropName="checked">
        <Checkbox>{t({ zh: '涉及禁止性条件（取消资格）', en: 'On a prohibited condition (disqualifies)' })}</Checkbox>
      </Form.Item>
      <Form.Item
        name="reasons"
        label={t({ zh: '决定理由', en: 'Reasons' })}
        rules={required('请填写决定理由', 'Give the reasons')}
      >
        <Input.TextArea rows={3} data-testid="decision-reasons" />
      </Form.Item>
      <Button
        type="primary"
        onClick={run('decision', ['outcome', 'prohibitedGround', 'reasons'])}
        loading={act.isPending}
        data-testid="decide"
      >
        {t({ zh: '作出决定', en: 'Decide' })}
      </Button>
    </Form>
  );
}
