import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { api } from '../../api/api-client';
import type { Application, BodyOf } from '../../api/api-types';
import { problemText, unwrap } from '../../api/problem';
import { INCIDENT_KINDS } from '../../applicant/facts-form';
import type { Bilingual } from '../../i18n/language';
import { useT } from '../../i18n/language-context';

type Facts = NonNullable<BodyOf<'/api/v1/tenants/{tenantKey}/applications/{id}/facts', 'put'>['facts']>;
export type EmployerIncident = NonNullable<Facts['employerIncidents']>[number];

export const SEVERITY: Record<NonNullable<EmployerIncident['severity']>, Bilingual> = {
  general: { zh: '一般', en: 'general' },
  larger: { zh: '较大', en: 'larger' },
  major: { zh: '重大', en: 'major' },
  especially_major: { zh: '特别重大', en: 'especially major' },
};

export const AREA: Record<NonNullable<EmployerIncident['area']>, Bilingual> = {
  quality: { zh: '质量', en: 'quality' },
  safety: { zh: '安全', en: 'safety' },
  environment: { zh: '环保', en: 'environment' },
  public_health: { zh: '公共卫生', en: 'public health' },
  food_safety: { zh: '食品安全', en: 'food safety' },
  work_safety: { zh: '安全生产', en: 'work safety' },
};

/** An incident kind in words; an `accident` is graded by its severity (一般 … 特别重大), so it is just 事故 here. */
export function incidentKindLabel(kind: (typeof INCIDENT_KINDS)[number]): Bilingual {
  return kind.value === 'accident' ? { zh: '事故', en: 'Accident' } : kind;
}

/**
 * The office records an individual applicant's employer's incidents (所在组织的事故、违法记录), or that there are
 * none, while the application is a draft or returned; the applications service re-evaluates eligibility on save.
 */
export function EmployerIncidentsForm({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ incidents: EmployerIncident[] }>();
  const save = useMutation({
    mutationFn: async (employerIncidents: EmployerIncident[]) =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/applications/{id}/facts', {
          params: { path: { tenantKey, id: application.id } },
          body: { facts: { ...application.facts, employerIncidents } },
        }),
      ),
    onSuccess: async () => {
      message.success(t({ zh: '已保存，资格已重新审查', en: 'Saved; eligibility re-evaluated' }));
      await queries.invalidateQueries({ queryKey: ['office', tenantKey, 'application', application.id] });
    },
  });
  const clean = (incidents: EmployerIncident[] | undefined) =>
    (incidents ?? []).map((i) => ({
      kind: i.kind,
      date: i.date,
      ...(i.severity ? { severity: i.severity } : {}),
      ...(i.area ? { area: i.area } : {}),
    }));
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="employer-incidents-form"
      initialValues={{ incidents: application.facts.employerIncidents ?? [] }}
      onFinish={(values) => save.mutate(clean(values.incidents))}
    >
      <Typography.Title level={5}>{t({ zh: '修改所在组织记录', en: 'Change the employer’s record' })}</Typography.Title>
      <Form.List name="incidents">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 16 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'kind']}
                  label={t({ zh: '类别', en: 'Kind' })}
                  rules={[{ required: true, message: t({ zh: '请选择类别', en: 'Choose the kind' }) }]}
                >
                  <Select
                    style={{ width: 170 }}
                    options={INCIDENT_KINDS.map((k) => ({ value: k.value, label: t(incidentKindLabel(k)) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'date']}
                  label={t({ zh: '发生日期', en: 'Date' })}
                  rules={[{ required: true, message: t({ zh: '请填写日期', en: 'Give the date' }) }]}
                >
                  <Input type="date" />
                </Form.Item>
                <Form.Item name={[field.name, 'severity']} label={t({ zh: '等级', en: 'Grade' })}>
                  <Select
                    allowClear
                    style={{ width: 130 }}
                    options={Object.entries(SEVERITY).map(([value, label]) => ({ value, label: t(label) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'area']} label={t({ zh: '领域', en: 'Area' })}>
                  <Select
                    allowClear
                    style={{ width: 130 }}
                    options={Object.entries(AREA).map(([value, label]) => ({ value, label: t(label) }))}
                  />
                </Form.Item>
                <MinusCircleOutlined
                  aria-label={t({ zh: '删除此条', en: 'Remove' })}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t({ zh: '添加一条所在组织记录', en: 'Add an employer record' })}
            </Button>
          </div>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t({ zh: '保存所在组织记录', en: 'Save the employer’s record' })}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ incidents: [] });
            save.mutate([]);
          }}
          loading={save.isPending}
        >
          {t({ zh: '记录：所在组织无上述记录', en: 'Record: the employer has none' })}
        </Button>
      </Space>
      {save.error && <Alert type="error" showIcon title={problemText(save.error)} style={{ marginTop: 12 }} />}
    </Form>
  );
}
