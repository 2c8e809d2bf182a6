import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio } from 'antd';
import { api } from '../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';

interface Values {
  token: string;
  response: 'confirmed' | 'disputed';
  comment?: string;
}

/** The objector's answer to the written result where the regulation asks for it (linxia 第二十三条), with the token. */
export function ObjectionConfirmation({ tenantKey, receiptNumber }: { tenantKey: string; receiptNumber: string }) {
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const response = Form.useWatch('response', form);
  const confirm = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/public/{tenantKey}/objections/{receiptNumber}/confirmation', {
          params: { path: { tenantKey, receiptNumber } },
          body: { token: values.token.trim(), response: values.response, comment: values.comment || undefined },
        }),
      ),
    onSuccess: (track) => {
      queries.setQueryData(['public', tenantKey, 'track', receiptNumber], track);
      message.success(t({ zh: '已提交答复', en: 'Your answer was recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ response: 'confirmed' }} onFinish={(v) => confirm.mutate(v)}>
      <Form.Item
        name="token"
        label={t({ zh: '查询凭证（提交异议时获得）', en: 'Token (given when you filed)' })}
        rules={[{ required: true, message: t({ zh: '请输入查询凭证', en: 'Enter the token' }) }]}
      >
        <Input.Password />
      </Form.Item>
      <Form.Item name="response" label={t({ zh: '对处理结果的意见', en: 'Your answer' })}>
        <Radio.Group>
          <Radio value="confirmed">{t({ zh: '确认', en: 'I confirm' })}</Radio>
          <Radio value="disputed">{t({ zh: '有异议', en: 'I dispute it' })}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="comment"
        label={t({ zh: '说明', en: 'Comment' })}
        rules={response === 'disputed' ? [{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={confirm.isPending}>
        {t({ zh: '提交答复', en: 'Send the answer' })}
      </Button>
    </Form>
  );
}
