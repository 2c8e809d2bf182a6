import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';

/**
 * An office user's or a member unit's declaration of an interest in an application (回避, ADR 0030): it waits for the
 * office's decision, and until dismissed the party is kept away from that application.
 */
export function ConflictDeclarationForm(props: {
  tenantKey: string;
  applications: { value: string; label: string }[];
  /** Query keys to refresh once declared. */
  refresh: readonly unknown[][];
  who: 'office_user' | 'member_unit';
}) {
  const { tenantKey } = props;
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ applicationId: string; relation: string }>();
  const declare = useMutation({
    mutationFn: async (body: { applicationId: string; relation: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/conflicts/declarations', { params: { path: { tenantKey } }, body }),
      ),
    onSuccess: () => {
      form.resetFields();
      for (const queryKey of props.refresh) queries.invalidateQueries({ queryKey });
      message.success(t({ zh: '回避申明已提交，待办公室决定', en: 'Declared; the office decides' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          props.who === 'member_unit'
            ? t({
                zh: '与某一候选对象有利害关系的，本单位应当回避：申明后该候选对象不出现在本单位的选票上，直至办公室排除。',
                en: 'With an interest in a candidate the unit withdraws: once declared, the candidate leaves our ballot until the office dismisses the flag.',
              })
            : t({
                zh: '与某一申报有利害关系的，本人应当回避：申明后不得就该申报作出合议、分配等决定，直至办公室排除。',
                en: 'With an interest in an application you withdraw: once declared you decide nothing about it until the office dismisses the flag.',
              })
        }
      />
      <Form form={form} layout="vertical" onFinish={(value) => declare.mutate(value)} style={{ maxWidth: 560 }}>
        <Form.Item
          name="applicationId"
          label={t({ zh: '申报', en: 'Application' })}
          rules={[{ required: true, message: t({ zh: '请选择申报', en: 'Pick an application' }) }]}
        >
          <Select showSearch optionFilterProp="label" options={props.applications} />
        </Form.Item>
        <Form.Item
          name="relation"
          label={t({ zh: '利害关系', en: 'The interest' })}
          rules={[{ required: true, message: t({ zh: '请说明利害关系', en: 'Describe the interest' }) }]}
        >
          <Input.TextArea
            rows={2}
            placeholder={t({ zh: '如：本人配偶在该公司任职', en: 'e.g. my spouse works there' })}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={declare.isPending}>
          {t({ zh: '提交回避申明', en: 'Declare' })}
        </Button>
      </Form>
    </>
  );
}
