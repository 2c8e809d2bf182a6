import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Space, Switch } from 'antd';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import type { Vote } from './vote-types';

interface RulesForm {
  quorumNumerator: number;
  quorumDenominator: number;
  majorityNumerator: number;
  majorityDenominator: number;
  strict: boolean;
  reason: string;
}

/** The office's recorded quorum and majority (the regulation names neither), before the vote opens. */
export function VoteRulesForm(props: { tenantKey: string; vote: Vote }) {
  const { tenantKey, vote } = props;
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<RulesForm>();
  const save = useMutation({
    mutationFn: async (v: RulesForm) =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/votes/{id}/rules', {
          params: { path: { tenantKey, id: vote.id } },
          body: {
            quorum: { numerator: v.quorumNumerator, denominator: v.quorumDenominator },
            majority: { numerator: v.majorityNumerator, denominator: v.majorityDenominator, strict: v.strict },
            reason: v.reason,
          },
        }),
      ),
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'votes'] });
      message.success(t({ zh: '规则已记录', en: 'Rules recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const rules = vote.rules;
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={vote.status !== 'draft'}
      initialValues={{
        quorumNumerator: rules?.quorum.numerator ?? 2,
        quorumDenominator: rules?.quorum.denominator ?? 3,
        majorityNumerator: rules?.majority.numerator ?? 1,
        majorityDenominator: rules?.majority.denominator ?? 2,
        strict: rules?.majority.strict ?? true,
        reason: rules?.reason,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Space wrap>
        <Form.Item label={t({ zh: '法定人数：成员单位的', en: 'Quorum: of the units' })}>
          <Space.Compact>
            <Form.Item name="quorumNumerator" noStyle>
              <InputNumber min={0} max={1000} aria-label="quorum numerator" />
            </Form.Item>
            <Input disabled value="/" style={{ width: 32, textAlign: 'center' }} />
            <Form.Item name="quorumDenominator" noStyle>
              <InputNumber min={1} max={1000} aria-label="quorum denominator" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t({ zh: '多数：所投票数的', en: 'Majority: of the ballots cast' })}>
          <Space.Compact>
            <Form.Item name="majorityNumerator" noStyle>
              <InputNumber min={0} max={1000} aria-label="majority numerator" />
            </Form.Item>
            <Input disabled value="/" style={{ width: 32, textAlign: 'center' }} />
            <Form.Item name="majorityDenominator" noStyle>
              <InputNumber min={1} max={1000} aria-label="majority denominator" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="strict"
          label={t({ zh: '须超过（过半数）', en: 'More than (strict)' })}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Space>
      <Form.Item
        name="reason"
        label={t({ zh: '决定依据（谁、何时、为何）', en: 'Why (the decision)' })}
        rules={[{ required: true, message: t({ zh: '请说明依据', en: 'Say why' }) }]}
      >
        <Input.TextArea
          rows={2}
          placeholder={t({ zh: '如：领导小组第一次会议决定', en: 'e.g. decided at the first meeting' })}
        />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        {t({ zh: '记录法定人数与多数规则', en: 'Record quorum and majority' })}
      </Button>
    </Form>
  );
}
