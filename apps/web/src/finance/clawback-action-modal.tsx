import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';
import { formatYuan, yuanToFen } from './yuan.util';

/** What finance does on a clawback case (ADR 0029), each through its own route. */
export type ClawbackAction = 'demand' | 'recover' | 'agree' | 'writeOff' | 'return';

/** The case a dialog works on: its recipient and what is outstanding and recovered but not yet returned. */
export interface ClawbackTarget {
  caseId: string;
  action: ClawbackAction;
  applicantName: string;
  outstandingFen: number;
  unreturnedFen: number;
}

interface Values {
  dueOn?: string;
  remindDaysBefore?: number;
  amount?: string;
  document?: string;
  reason?: string;
  approvedBy?: string;
  instalments?: { dueOn: string; amount: string }[];
}

const TITLE: Record<ClawbackAction, Bilingual> = {
  demand: {
    zh: '发出追缴通知（设定缴款期限）',
    en: 'Demand: set the due date',
  },
  recover: { zh: '登记追回款', en: 'Record a recovery' },
  agree: { zh: '登记分期还款协议', en: 'Record an instalment agreement' },
  writeOff: { zh: '核销（须经批准）', en: 'Write off (approved)' },
  return: { zh: '上缴国库', en: 'Return to the treasury' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One dialog per clawback action: its fields, then a sentence saying what will happen for the confirmation. The
 * transfer id is chosen when the dialog opens, so a double submission books once.
 */
export function ClawbackActionModal(props: { tenantKey: string; target: ClawbackTarget | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [transferId, setTransferId] = useState(() => crypto.randomUUID());
  const queries = useQueryClient();
  const target = props.target;
  const watched = Form.useWatch([], form) as Values | undefined;
  const run = useMutation({
    mutationFn: async (values: Values) => {
      const path = { tenantKey: props.tenantKey, id: target?.caseId ?? '' };
      const amountFen = yuanToFen(values.amount ?? '') ?? 0;
      switch (target?.action) {
        case 'demand':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/clawback-cases/{id}/demand', {
              params: { path },
              body: {
                dueOn: values.dueOn ?? '',
                remindDaysBefore: values.remindDaysBefore ?? 0,
              },
            }),
          );
        case 'recover':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/clawback-cases/{id}/recoveries', {
              params: { path },
              body: { transferId, amountFen, receipt: values.document ?? '' },
            }),
          );
        case 'agree':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/clawback-cases/{id}/instalment-agreement', {
              params: { path },
              body: {
                document: values.document ?? '',
                instalments: (values.instalments ?? []).map((i) => ({
                  dueOn: i.dueOn,
                  amountFen: yuanToFen(i.amount) ?? 0,
                })),
              },
            }),
          );
        case 'writeOff':
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/clawback-cases/{id}/write-off', {
              params: { path },
              body: {
                transferId,
                reason: values.reason ?? '',
                approval: {
                  document: values.document ?? '',
                  approvedBy: values.approvedBy ?? '',
                },
              },
            }),
          );
        default:
          return unwrap(
            await api.POST('/api/v1/tenants/{tenantKey}/funds/clawback-cases/{id}/returns', {
              params: { path },
              body: {
                transferId,
                amountFen,
                document: values.document ?? '',
              },
            }),
          );
      }
    },
    onSuccess: async () => {
      await queries.invalidateQueries({
        queryKey: ['finance', props.tenantKey],
      });
      setTransferId(crypto.randomUUID());
      form.resetFields();
      props.onClose();
    },
  });
  const required = {
    required: true,
    message: t({ zh: '必填', en: 'Required' }),
  };
  const yuanRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (yuanToFen(value ?? '') === null)
        throw new Error(
          t({
            zh: '请输入正数，最多两位小数',
            en: 'A positive amount, at most two decimals',
          }),
        );
    },
  };
  const dateRule = {
    pattern: DATE,
    message: t({ zh: '格式：2027-03-31', en: 'As 2027-03-31' }),
  };
  const action = target?.action;
  const initial: Values =
    action === 'recover'
      ? { amount: formatYuan(target?.outstandingFen ?? 0) }
      : action === 'return'
        ? { amount: formatYuan(target?.unreturnedFen ?? 0) }
        : action === 'demand'
          ? { remindDaysBefore: 7 }
          : action === 'agree'
            ? {
                instalments: [
                  {
                    dueOn: '',
                    amount: formatYuan(target?.outstandingFen ?? 0),
                  },
                ],
              }
            : {};
  return (
    <Modal
      title={target ? t(TITLE[target.action]) : ''}
      open={target !== null}
      okText={t({ zh: '确认', en: 'Confirm' })}
      okButtonProps={{ danger: action === 'writeOff' }}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={560}
    >
      {target && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={run.mutate}>
          <p>
            {t({
              zh: `追缴对象：${target.applicantName}；尚未追回 ${formatYuan(target.outstandingFen)} 元`,
              en: `From: ${target.applicantName}; CNY ${formatYuan(target.outstandingFen)} outstanding`,
            })}
          </p>
          {action === 'demand' && (
            <>
              <Form.Item name="dueOn" label={t({ zh: '缴款期限', en: 'Due on' })} rules={[required, dateRule]}>
                <Input placeholder="2027-03-31" />
              </Form.Item>
              <Form.Item
                name="remindDaysBefore"
                label={t({ zh: '到期前几天提醒', en: 'Remind days before' })}
                rules={[required]}
              >
                <InputNumber min={0} max={60} />
              </Form.Item>
            </>
          )}
          {(action === 'recover' || action === 'return') && (
            <Form.Item name="amount" label={t({ zh: '金额（元）', en: 'Amount (yuan)' })} rules={[yuanRule]}>
              <Input />
            </Form.Item>
          )}
          {action === 'agree' && (
            <Form.List name="instalments">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'dueOn']} rules={[required, dateRule]}>
                        <Input
                          placeholder={t({
                            zh: '到期日 2027-03-31',
                            en: 'Due 2027-03-31',
                          })}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amount']} rules={[yuanRule]}>
                        <Input
                          placeholder={t({
                            zh: '金额（元）',
                            en: 'Amount (yuan)',
                          })}
                        />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ dueOn: '', amount: '' })}>
                    {t({ zh: '增加一期', en: 'Add an instalment' })}
                  </Button>
                </>
              )}
            </Form.List>
          )}
          {action === 'writeOff' && (
            <>
              <Form.Item name="reason" label={t({ zh: '核销理由', en: 'Reason' })} rules={[required]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="approvedBy" label={t({ zh: '批准人', en: 'Approved by' })} rules={[required]}>
                <Input />
              </Form.Item>
            </>
          )}
          {action !== 'demand' && (
            <Form.Item
              name="document"
              label={t(
                action === 'recover'
                  ? { zh: '缴款凭证号', en: 'Receipt' }
                  : action === 'agree'
                    ? { zh: '分期还款协议编号', en: 'Signed agreement' }
                    : action === 'writeOff'
                      ? { zh: '批准文件', en: 'Approval document' }
                      : { zh: '上缴凭证号', en: 'Treasury receipt' },
              )}
              rules={[required]}
              style={{ marginTop: action === 'agree' ? 16 : undefined }}
            >
              <Input />
            </Form.Item>
          )}
          <Alert type="warning" title={t(confirmation(target, watched))} />
          {run.error && <Alert type="error" showIcon title={problemText(run.error)} style={{ marginTop: 12 }} />}
        </Form>
      )}
    </Modal>
  );
}

/** The sentence the confirmation shows: what will be booked, in yuan. */
function confirmation(target: ClawbackTarget, values: Values | undefined): Bilingual {
  const amount = formatYuan(yuanToFen(values?.amount ?? '') ?? 0);
  const name = target.applicantName;
  switch (target.action) {
    case 'demand':
      return {
        zh: `确认向 ${name} 发出追缴通知，限 ${values?.dueOn || '…'} 前缴回 ${formatYuan(target.outstandingFen)} 元？`,
        en: `Demand CNY ${formatYuan(target.outstandingFen)} from ${name} by ${values?.dueOn || '…'}?`,
      };
    case 'recover':
      return {
        zh: `确认已收到 ${name} 缴回 ${amount} 元？记入已追回，不能撤回。`,
        en: `Record CNY ${amount} recovered from ${name}? Final.`,
      };
    case 'agree':
      return {
        zh: `确认与 ${name} 的分期还款协议？各期合计须等于尚未追回的金额，协议取代原缴款期限。`,
        en: `Record the agreement with ${name}? Its instalments must add up to what is outstanding.`,
      };
    case 'writeOff':
      return {
        zh: `确认核销 ${name} 尚未追回的 ${formatYuan(target.outstandingFen)} 元？核销须有批准文件和理由，不能撤回。`,
        en: `Write off CNY ${formatYuan(target.outstandingFen)} owed by ${name}? Needs an approval; final.`,
      };
    default:
      return {
        zh: `确认将追回的 ${amount} 元上缴国库？`,
        en: `Return CNY ${amount} recovered to the treasury?`,
      };
  }
}
