import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { api } from '../api/api-client';
import type { ResponseOf } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { decidedYuanToFen, formatYuan } from './yuan.util';

export type Entitlement = ResponseOf<'/api/v1/tenants/{tenantKey}/funds/entitlements', 'get'>['entitlements'][number];

interface Values {
  amount: string;
  decidedBy: string;
  document: string;
  reason: string;
}

/**
 * Recording the amount a body decided for an entitlement the regulation leaves open (a cap, "不超过N万元"): amount in
 * yuan (sent as fen), the deciding body, its document and the reason. The cap and the rules on the amount are the
 * API's: a refusal shows under the field it names.
 */
export function AmountDecisionModal(props: { tenantKey: string; target: Entitlement | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queries = useQueryClient();
  const typed = Form.useWatch('amount', form) ?? '';
  const amount = decidedYuanToFen(typed);
  const decide = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/amount-decision', {
          params: { path: { tenantKey: props.tenantKey, id: props.target?.id ?? '' } },
          body: {
            amountFen: decidedYuanToFen(values.amount) ?? 0,
            decidedBy: values.decidedBy,
            document: values.document,
            reason: values.reason,
          },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['finance', props.tenantKey] });
      form.resetFields();
      props.onClose();
    },
    onError: (error) =>
      form.setFields(fieldErrorsOf<{ name: string[]; errors: string[] }>(error, { amountFen: 'amount' }) as never),
  });
  const target = props.target;
  return (
    <Modal
      title={t({ zh: '记录金额决定', en: 'Record the amount decided' })}
      open={target !== null}
      okText={t({ zh: '确认记录', en: 'Record' })}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        decide.reset();
        props.onClose();
      }}
      destroyOnHidden
      width={560}
    >
      {target && (
        <Form
          form={form}
          layout="vertical"
          onFinish={decide.mutate}
          onValuesChange={() => decide.reset()}
          data-testid="amount-decision-form"
        >
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t({ zh: '获奖者', en: 'Winner' })}>{target.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t({ zh: '上限', en: 'Cap' })}>
              {target.capFen === null
                ? t({ zh: '办法未规定金额', en: 'the regulation states no amount' })
                : t({
                    zh: `不超过 ${formatYuan(target.capFen)} 元`,
                    en: `at most CNY ${formatYuan(target.capFen)}`,
                  })}
              {target.basis ? `（${target.basis}）` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Form.Item
            name="amount"
            label={t({ zh: '决定金额（元）', en: 'Amount decided (yuan)' })}
            extra={t({
              zh: '以元填写，最多两位小数；按分提交',
              en: 'In yuan, at most two decimals; sent in fen',
            })}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (!value?.trim()) throw new Error(t({ zh: '请填写决定的金额', en: 'Give the amount decided' }));
                  if (decidedYuanToFen(value) === null)
                    throw new Error(
                      t({
                        zh: '请输入数字金额（元），最多两位小数，不超过十三位整数',
                        en: 'A number of yuan, at most two decimals and thirteen digits',
                      }),
                    );
                },
              },
            ]}
          >
            <Input placeholder="60,000.00" inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="decidedBy"
            label={t({ zh: '决定机关', en: 'Deciding body' })}
            rules={[{ required: true, message: t({ zh: '请填写决定机关', en: 'Name the deciding body' }) }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="document"
            label={t({ zh: '决定文号', en: 'Document number' })}
            rules={[{ required: true, message: t({ zh: '请填写决定文号', en: 'Give the document number' }) }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t({ zh: '理由', en: 'Reason' })}
            rules={[{ required: true, message: t({ zh: '请填写理由', en: 'Give the reason' }) }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {amount !== null && amount >= 0 && !decide.error && (
            <Alert
              type="warning"
              title={t({
                zh: `确认记录：${target.applicantName} 的奖补资金为 ${formatYuan(amount)} 元？记录后即列支，不能再改。`,
                en: `Record CNY ${formatYuan(amount)} for ${target.applicantName}? It is obligated and cannot change.`,
              })}
            />
          )}
          {decide.error && <Alert type="error" showIcon title={problemText(decide.error)} style={{ marginTop: 12 }} />}
        </Form>
      )}
    </Modal>
  );
}
