import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { formatYuan, yuanToFen } from './yuan.util';

/** What a disbursement dialog works on: the entitlement's recipient and what is still owed. */
export interface DisbursementTarget {
  entitlementId: string;
  applicantName: string;
  outstandingFen: number;
}

/**
 * Initiating an instalment: amount in yuan (at most what is owed) and the payment voucher; the dialog asks for the
 * confirmation. Its transfer id is chosen when the dialog opens: sent twice, it is initiated once.
 */
export function InitiateDisbursementModal(props: {
  tenantKey: string;
  target: DisbursementTarget | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ amount: string; voucher: string }>();
  const [transferId, setTransferId] = useState(() => crypto.randomUUID());
  const queries = useQueryClient();
  const amount = yuanToFen(Form.useWatch('amount', form) ?? '');
  const initiate = useMutation({
    mutationFn: async (values: { amount: string; voucher: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/disbursements', {
          params: { path: { tenantKey: props.tenantKey, id: props.target?.entitlementId ?? '' } },
          body: { transferId, amountFen: yuanToFen(values.amount) ?? 0, voucher: values.voucher },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['finance', props.tenantKey] });
      setTransferId(crypto.randomUUID());
      form.resetFields();
      props.onClose();
    },
    onError: (error) =>
      form.setFields(fieldErrorsOf<{ name: string[]; errors: string[] }>(error, { amountFen: 'amount' }) as never),
  });
  const target = props.target;
  return (
    <Modal
      title={t({ zh: '发起拨付', en: 'Initiate a disbursement' })}
      open={target !== null}
      okText={t({ zh: '确认发起', en: 'Initiate' })}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={initiate.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {target && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ amount: formatYuan(target.outstandingFen) }}
          onFinish={initiate.mutate}
        >
          <p>
            {t({
              zh: `收款单位：${target.applicantName}；尚未拨付 ${formatYuan(target.outstandingFen)} 元`,
              en: `Recipient: ${target.applicantName}; CNY ${formatYuan(target.outstandingFen)} not yet disbursed`,
            })}
          </p>
          <Form.Item
            name="amount"
            label={t({ zh: '本次拨付金额（元）', en: 'Amount of this instalment (yuan)' })}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (yuanToFen(value ?? '') === null)
                    throw new Error(
                      t({ zh: '请输入正数，最多两位小数', en: 'A positive amount, at most two decimals' }),
                    );
                },
              },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="voucher"
            label={t({ zh: '付款凭证号', en: 'Payment voucher' })}
            rules={[{ required: true, message: t({ zh: '请填写付款凭证号', en: 'Give the voucher number' }) }]}
          >
            <Input placeholder="付款凭证 2027-0001" />
          </Form.Item>
          {amount !== null && (
            <Alert
              type="warning"
              title={t({
                zh: `确认向 ${target.applicantName} 发起拨付 ${formatYuan(amount)} 元？提交后等待国库支付确认。`,
                en: `Initiate CNY ${formatYuan(amount)} to ${target.applicantName}? It then awaits the treasury.`,
              })}
            />
          )}
          {initiate.error && (
            <Alert type="error" showIcon title={problemText(initiate.error)} style={{ marginTop: 12 }} />
          )}
        </Form>
      )}
    </Modal>
  );
}

/** A pending instalment to settle: confirmed by the treasury (with its reference) or failed (with why). */
export interface ResolveTarget {
  disbursementId: string;
  action: 'confirm' | 'fail';
  amountFen: number;
  applicantName: string;
}

export function ResolveDisbursementModal(props: {
  tenantKey: string;
  target: ResolveTarget | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ note: string }>();
  const [transferId, setTransferId] = useState(() => crypto.randomUUID());
  const queries = useQueryClient();
  const target = props.target;
  const confirming = target?.action === 'confirm';
  const resolve = useMutation({
    mutationFn: async ({ note }: { note: string }) => {
      const path = { tenantKey: props.tenantKey, id: target?.disbursementId ?? '' };
      return confirming
        ? unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/disbursements/{id}/confirm', {
              params: { path },
              body: { transferId, treasuryReference: note },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/disbursements/{id}/fail', {
              params: { path },
              body: { transferId, reason: note },
            }),
          );
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['finance', props.tenantKey] });
      setTransferId(crypto.randomUUID());
      form.resetFields();
      props.onClose();
    },
  });
  return (
    <Modal
      title={
        confirming
          ? t({ zh: '确认国库已支付', en: 'Confirm the treasury paid' })
          : t({ zh: '登记支付失败', en: 'Record a failed payment' })
      }
      open={target !== null}
      okText={confirming ? t({ zh: '确认支付', en: 'Confirm' }) : t({ zh: '确认失败', en: 'Record failure' })}
      okButtonProps={{ danger: !confirming }}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={resolve.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {target && (
        <Form form={form} layout="vertical" onFinish={resolve.mutate}>
          <Alert
            type={confirming ? 'info' : 'warning'}
            style={{ marginBottom: 12 }}
            title={
              confirming
                ? t({
                    zh: `确认国库已向 ${target.applicantName} 支付 ${formatYuan(target.amountFen)} 元？确认后记入已拨付，不能撤回。`,
                    en: `Confirm the treasury paid CNY ${formatYuan(target.amountFen)} to ${target.applicantName}? Final.`,
                  })
                : t({
                    zh: `确认该笔 ${formatYuan(target.amountFen)} 元支付失败？作废后该金额重新计为应付。`,
                    en: `Record that CNY ${formatYuan(target.amountFen)} was not paid? It is owed again.`,
                  })
            }
          />
          <Form.Item
            name="note"
            label={
              confirming
                ? t({ zh: '国库支付凭证号', en: 'Treasury reference' })
                : t({ zh: '失败原因', en: 'Why it failed' })
            }
            rules={[{ required: true, message: t({ zh: '必填', en: 'Required' }) }]}
          >
            {confirming ? <Input /> : <Input.TextArea rows={3} />}
          </Form.Item>
          {resolve.error && <Alert type="error" showIcon title={problemText(resolve.error)} />}
        </Form>
      )}
    </Modal>
  );
}
