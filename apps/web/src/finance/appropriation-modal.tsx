import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { formatYuan, yuanToFen } from './yuan.util';

interface Values {
  budgetYear: number;
  amountFen: string;
  document: string;
}

/**
 * Loading (part of) a budget year's appropriation (预算指标): the amount in yuan and its budget document, confirmed
 * in the dialog. Its transfer id is chosen when the dialog opens, so sending it twice loads it once.
 */
export function AppropriationModal(props: { tenantKey: string; open: boolean; onClose: () => void; year: number }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [transferId, setTransferId] = useState(() => crypto.randomUUID());
  const queries = useQueryClient();
  const amount = yuanToFen(Form.useWatch('amountFen', form) ?? '');
  const load = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/funds/appropriations', {
          params: { path: { tenantKey: props.tenantKey } },
          body: {
            transferId,
            budgetYear: values.budgetYear,
            amountFen: yuanToFen(values.amountFen) ?? 0,
            document: values.document,
          },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['finance', props.tenantKey] });
      setTransferId(crypto.randomUUID());
      form.resetFields();
      props.onClose();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  return (
    <Modal
      title={t({ zh: '载入预算指标', en: 'Load an appropriation' })}
      open={props.open}
      okText={t({ zh: '确认载入', en: 'Load' })}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={load.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ budgetYear: props.year }} onFinish={load.mutate}>
        <Form.Item name="budgetYear" label={t({ zh: '预算年度', en: 'Budget year' })} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="amountFen"
          label={t({ zh: '金额（元）', en: 'Amount (yuan)' })}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (yuanToFen(value ?? '') === null)
                  throw new Error(t({ zh: '请输入正数，最多两位小数', en: 'A positive amount, at most two decimals' }));
              },
            },
          ]}
        >
          <Input placeholder="1,500,000.00" />
        </Form.Item>
        <Form.Item
          name="document"
          label={t({ zh: '预算批复文件', en: 'Budget document' })}
          rules={[{ required: true, message: t({ zh: '请填写批复文件文号', en: 'Name the budget document' }) }]}
        >
          <Input placeholder="内财预〔2027〕12号" />
        </Form.Item>
        {amount !== null && (
          <Alert
            type="info"
            title={t({
              zh: `将载入预算指标 ${formatYuan(amount)} 元，载入后不能修改，更正须另行记账。`,
              en: `CNY ${formatYuan(amount)} will be loaded; it cannot be changed afterwards, only corrected by a new transfer.`,
            })}
          />
        )}
        {load.error && !fieldErrorsOf(load.error).length && (
          <Alert type="error" showIcon title={problemText(load.error)} style={{ marginTop: 12 }} />
        )}
      </Form>
    </Modal>
  );
}
