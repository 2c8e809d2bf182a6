import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { api } from '../api/api-client';
import type { Application, BodyOf } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { plainBasis } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';

type FactsBody = BodyOf<'/api/v1/tenants/{tenantKey}/applications/{id}/facts', 'put'>;
type Facts = NonNullable<FactsBody['facts']>;
type Incident = NonNullable<Facts['incidents']>[number];

export const INCIDENT_KINDS: { value: Incident['kind']; zh: string; en: string }[] = [
  { value: 'accident', zh: '一般事故', en: 'Accident' },
  { value: 'major_accident', zh: '重大事故', en: 'Major accident' },
  { value: 'liability_accident', zh: '责任事故', en: 'Liability accident' },
  { value: 'violation', zh: '违法行为', en: 'Violation' },
  { value: 'serious_violation', zh: '严重违法行为', en: 'Serious violation' },
  { value: 'discredit_record', zh: '失信记录', en: 'Discredit record' },
  { value: 'major_complaint', zh: '重大投诉', en: 'Major complaint' },
  { value: 'export_quality_notice', zh: '出口质量通报', en: 'Export quality notice' },
  { value: 'failed_spot_check', zh: '抽查不合格', en: 'Failed spot check' },
];

interface Values {
  registeredInJurisdiction: boolean;
  yearsOperating?: number | null;
  qualitySystemYears?: number | null;
  spotChecksPassedConsecutiveYears?: number | null;
  incidents: Incident[];
  attestations: Record<string, string | undefined>;
}

/**
 * The declared facts and the statements on the conditions left to people (the policy's rules with their articles,
 * from the application's findings), while it is a draft or returned. The service re-evaluates eligibility on save.
 */
export function FactsForm({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editable = application.status === 'draft' || application.status === 'returned';
  const leftToPeople = application.eligibility.findings.filter(
    (f) => f.outcome === 'needs_decision' || application.attestations[f.ruleId],
  );
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const number = (n?: number | null) => (typeof n === 'number' ? n : undefined);
      const facts: Facts = {
        registeredInJurisdiction: values.registeredInJurisdiction,
        incidents: values.incidents ?? [],
        ...(number(values.yearsOperating) === undefined ? {} : { yearsOperating: number(values.yearsOperating) }),
        ...(number(values.qualitySystemYears) === undefined
          ? {}
          : { qualitySystemYears: number(values.qualitySystemYears) }),
        ...(number(values.spotChecksPassedConsecutiveYears) === undefined
          ? {}
          : { spotChecksPassedConsecutiveYears: number(values.spotChecksPassedConsecutiveYears) }),
      };
      const attestations = Object.fromEntries(
        Object.entries(values.attestations ?? {})
          .filter(([, statement]) => statement?.trim())
          .map(([ruleId, statement]) => [ruleId, { statement: statement?.trim() ?? '' }]),
      );
      return unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/applications/{id}/facts', {
          params: { path: { tenantKey, id: application.id } },
          body: { facts, attestations },
        }),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['portal', tenantKey, 'application', application.id], saved);
      message.success(t({ zh: '已保存，资格条件已重新核对', en: 'Saved; eligibility checked again' }));
    },
    onError: (error) => {
      // `body.facts.yearsOperating` is the form's `yearsOperating`; `body.attestations.<rule>.statement` its text.
      const fields = fieldErrorsOf<{ name: string[]; errors: string[] }>(error).map((f) => ({
        ...f,
        name: f.name.filter((n) => n !== 'facts' && n !== 'statement'),
      }));
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      message.error(problemText(error));
    },
  });
  const facts = application.facts;
  const years = { min: 0, max: 500, style: { width: 160 }, addonAfter: t({ zh: '年', en: 'years' }) };
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!editable}
      onFinish={(values) => save.mutate(values)}
      initialValues={{
        registeredInJurisdiction: facts.registeredInJurisdiction ?? false,
        yearsOperating: facts.yearsOperating,
        qualitySystemYears: facts.qualitySystemYears,
        spotChecksPassedConsecutiveYears: facts.spotChecksPassedConsecutiveYears,
        incidents: facts.incidents ?? [],
        attestations: Object.fromEntries(Object.entries(application.attestations).map(([k, v]) => [k, v.statement])),
      }}
    >
      <Row gutter={24}>
        <Col span={8}>
          <Form.Item
            name="registeredInJurisdiction"
            label={t({ zh: '在本辖区依法注册', en: 'Registered in the jurisdiction' })}
            valuePropName="checked"
          >
            <Switch data-testid="fact-registered" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="yearsOperating" label={t({ zh: '经营（成立）年限', en: 'Years operating' })}>
            <InputNumber {...years} data-testid="fact-years" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="qualitySystemYears"
            label={t({ zh: '质量管理体系运行年限', en: 'Years of the quality system' })}
          >
            <InputNumber {...years} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="spotChecksPassedConsecutiveYears"
        label={t({ zh: '产品质量监督抽查连续合格年数', en: 'Consecutive years of spot checks passed' })}
      >
        <InputNumber {...years} />
      </Form.Item>
      <Typography.Text strong>
        {t({
          zh: '事故、违法、失信与投诉记录（没有则不填）',
          en: 'Accidents, violations and complaints (none: leave empty)',
        })}
      </Typography.Text>
      <Form.List name="incidents">
        {(fields, { add, remove }) => (
          <div style={{ margin: '8px 0 16px' }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 180 }}
                    options={INCIDENT_KINDS.map((k) => ({ value: k.value, label: t(k) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'date']} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t({ zh: '添加一条记录', en: 'Add a record' })}
            </Button>
          </div>
        )}
      </Form.List>
      {leftToPeople.map((f) => (
        <Form.Item
          key={f.ruleId}
          name={['attestations', f.ruleId]}
          label={`${t(f.reason)}（${plainBasis(f.basis)}）`}
          extra={t({ zh: '说明情况，由工作人员审核认定', en: 'Your statement; the office decides' })}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ))}
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t({ zh: '保存申报事实', en: 'Save the facts' })}
        </Button>
      )}
    </Form>
  );
}
