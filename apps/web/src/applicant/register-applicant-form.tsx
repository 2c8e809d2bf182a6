import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { isCreditCode, isResidentIdNumber } from '../shared/identity-numbers.util';

interface Values {
  kind: 'organisation' | 'individual';
  name: string;
  creditCode?: string;
  idNumber?: string;
  legalForm?: 'legal_person' | 'unincorporated_organisation' | 'branch' | 'internal_unit' | 'dispatched_unit';
  fourNewField?: boolean;
  employer?: string;
  phone?: string;
}

const LEGAL_FORMS = [
  { value: 'legal_person', zh: '法人', en: 'Legal person' },
  { value: 'unincorporated_organisation', zh: '非法人组织', en: 'Unincorporated organisation' },
  { value: 'branch', zh: '分支机构', en: 'Branch' },
  { value: 'internal_unit', zh: '内设机构', en: 'Internal unit' },
  { value: 'dispatched_unit', zh: '派出机构', en: 'Dispatched unit' },
] as const;

/**
 * The applicant account registers the organisation or person it acts for, once: the credit code (GB 32100) or the
 * ID number (GB 11643) is checked as it is typed and again by the service, whose reasons show under their field.
 */
export function RegisterApplicantForm({ tenantKey }: { tenantKey: string }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Values['kind']>('organisation');
  const register = useMutation({
    mutationFn: async (values: Values) => {
      const phone = values.phone?.trim() ? { phone: values.phone.trim() } : {};
      const body =
        values.kind === 'organisation'
          ? {
              kind: 'organisation' as const,
              name: values.name,
              creditCode: (values.creditCode ?? '').trim().toUpperCase(),
              ...(values.legalForm ? { legalForm: values.legalForm } : {}),
              fourNewField: Boolean(values.fourNewField),
              ...phone,
            }
          : {
              kind: 'individual' as const,
              name: values.name,
              idNumber: (values.idNumber ?? '').trim().toUpperCase(),
              ...(values.employer?.trim() ? { employer: values.employer.trim() } : {}),
              ...phone,
            };
      return unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/applicants', { params: { path: { tenantKey } }, body }),
      );
    },
    onSuccess: async () => {
      message.success(t({ zh: '申报主体已登记', en: 'Applicant registered' }));
      await queryClient.invalidateQueries({ queryKey: ['portal', tenantKey, 'applicants'] });
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const checked = (check: (value: string) => boolean, text: { zh: string; en: string }) => ({
    validator: async (_: unknown, value?: string) => {
      if (value && !check(value)) throw new Error(t(text));
    },
  });
  return (
    <Card title={t({ zh: '登记申报主体', en: 'Register your applicant' })} style={{ maxWidth: 720 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'organisation', legalForm: 'legal_person', fourNewField: false }}
        onFinish={(values) => register.mutate(values)}
      >
        <Form.Item name="kind" label={t({ zh: '申报类型', en: 'Kind' })}>
          <Radio.Group onChange={(e) => setKind(e.target.value as Values['kind'])}>
            <Radio.Button value="organisation">{t({ zh: '组织', en: 'Organisation' })}</Radio.Button>
            <Radio.Button value="individual">{t({ zh: '个人', en: 'Individual' })}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label={kind === 'organisation' ? t({ zh: '单位名称', en: 'Name' }) : t({ zh: '姓名', en: 'Name' })}
          rules={[{ required: true, message: t({ zh: '请填写名称', en: 'Enter the name' }) }]}
        >
          <Input />
        </Form.Item>
        {kind === 'organisation' ? (
          <>
            <Form.Item
              name="creditCode"
              label={t({ zh: '统一社会信用代码', en: 'Unified social credit code' })}
              rules={[
                { required: true, message: t({ zh: '请填写统一社会信用代码', en: 'Enter the credit code' }) },
                checked(isCreditCode, {
                  zh: '统一社会信用代码校验位不符，请核对',
                  en: 'The check character does not match',
                }),
              ]}
            >
              <Input data-testid="credit-code" maxLength={18} />
            </Form.Item>
            <Form.Item name="legalForm" label={t({ zh: '组织形式', en: 'Legal form' })}>
              <Select options={LEGAL_FORMS.map((f) => ({ value: f.value, label: t(f) }))} />
            </Form.Item>
            <Form.Item
              name="fourNewField"
              label={t({ zh: '属于新技术、新产业、新业态、新模式（四新）领域', en: 'In a “four new” field' })}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="idNumber"
              label={t({ zh: '公民身份号码', en: 'ID number' })}
              rules={[
                { required: true, message: t({ zh: '请填写公民身份号码', en: 'Enter the ID number' }) },
                checked(isResidentIdNumber, {
                  zh: '公民身份号码校验位不符，请核对',
                  en: 'The check digit does not match',
                }),
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="employer" label={t({ zh: '工作单位', en: 'Employer' })}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="phone" label={t({ zh: '联系电话', en: 'Phone' })}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t({ zh: '登记', en: 'Register' })}
        </Button>
      </Form>
    </Card>
  );
}
