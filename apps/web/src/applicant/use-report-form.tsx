import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table } from 'antd';
import { api } from '../api/api-client';
import type { UseOfMoney } from '../api/api-types';
import { problemText, unwrap } from '../api/problem';
import { formatYuan, yuanToFen } from '../finance/yuan.util';
import { useT } from '../i18n/language-context';

export type UseView = UseOfMoney;

interface Line {
  purpose?: string;
  amount?: string;
  description?: string;
}

const EDITABLE = new Set(['draft', 'queried']);

/**
 * The use report's lines by the policy's purposes (and "other" only where the text says 主要用于), amounts typed in
 * yuan and sent in fen; saved as a draft, then submitted (or resubmitted after finance's questions). A report finance
 * is deciding, or accepted, reads as a table.
 */
export function UseReportForm({ tenantKey, use }: { tenantKey: string; use: UseView }) {
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ lines: Line[] }>();
  const report = use.report;
  const id = use.entitlement.id;
  const path = { params: { path: { tenantKey, id } } };
  const refresh = () => queries.invalidateQueries({ queryKey: ['portal', tenantKey, 'use-reports'] });
  const save = useMutation({
    mutationFn: async (lines: Line[]) =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/use-report', {
          ...path,
          body: {
            lines: lines.map((line) => ({
              purpose: line.purpose ?? '',
              amountFen: yuanToFen(line.amount ?? '') ?? 0,
              description: line.description ?? '',
            })),
          },
        }),
      ),
    onSuccess: async () => {
      message.success(t({ zh: '已保存', en: 'Saved' }));
      await refresh();
    },
    onError: (error) => message.error(problemText(error)),
  });
  const submit = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/use-report/submission', path)),
    onSuccess: async () => {
      message.success(t({ zh: '已报送财务部门', en: 'Submitted to finance' }));
      await refresh();
    },
    onError: (error) => message.error(problemText(error)),
  });
  const rules = use.rules;
  if (!rules) return null;
  const options = [
    ...rules.purposes.map((purpose) => ({ value: purpose.key, label: t(purpose.name) })),
    ...(rules.otherAllowed ? [{ value: 'other', label: t({ zh: '其他质量相关用途', en: 'Other' }) }] : []),
  ];
  if (report && !EDITABLE.has(report.status)) {
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, index) => String(index)}
        dataSource={report.lines}
        columns={[
          { title: t({ zh: '用途', en: 'Purpose' }), render: (_, line) => t(line.purposeName) },
          { title: t({ zh: '具体内容', en: 'Description' }), dataIndex: 'description' },
          {
            title: t({ zh: '金额（元）', en: 'CNY' }),
            align: 'right',
            render: (_, line) => formatYuan(line.amountFen),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t({ zh: '合计', en: 'Total' })}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {formatYuan(report.totalFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    );
  }
  const initial: Line[] = report
    ? report.lines.map((line) => ({
        purpose: line.purpose,
        amount: formatYuan(line.amountFen).replace(/,/g, ''),
        description: line.description,
      }))
    : [{ purpose: undefined, amount: '', description: '' }];
  const required = { required: true, message: t({ zh: '必填', en: 'Required' }) };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ lines: initial }}
      onFinish={(values) => save.mutate(values.lines)}
      data-testid="use-report-form"
    >
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'purpose']}
                  label={field.name === 0 ? t({ zh: '用途', en: 'Purpose' }) : undefined}
                  rules={[required]}
                >
                  <Select style={{ width: 240 }} options={options} placeholder={t({ zh: '选择用途', en: 'Purpose' })} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  label={field.name === 0 ? t({ zh: '金额（元）', en: 'Amount (CNY)' }) : undefined}
                  rules={[
                    required,
                    {
                      validator: async (_, value: string | undefined) => {
                        if (value && yuanToFen(value) === null) {
                          throw new Error(t({ zh: '正数，最多两位小数', en: 'Positive, two decimals' }));
                        }
                      },
                    },
                  ]}
                >
                  <Input style={{ width: 160 }} placeholder="300000.00" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'description']}
                  label={field.name === 0 ? t({ zh: '具体内容', en: 'Description' }) : undefined}
                  rules={[required]}
                >
                  <Input
                    style={{ width: 420 }}
                    placeholder={t({ zh: '项目名称、支出内容、凭证', en: 'What it paid for' })}
                  />
                </Form.Item>
                {fields.length > 1 && (
                  <MinusCircleOutlined
                    style={{ marginTop: field.name === 0 ? 38 : 8 }}
                    onClick={() => remove(field.name)}
                  />
                )}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ amount: '', description: '' })}>
              {t({ zh: '增加一项', en: 'Add a line' })}
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ marginTop: 16 }}>
        <Button htmlType="submit" loading={save.isPending}>
          {t({ zh: '保存', en: 'Save' })}
        </Button>
        {report && (
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={async () => {
              // What is on the form is what goes to finance: saved first, then submitted.
              const values = await form.validateFields().catch(() => null);
              if (!values) return;
              await save.mutateAsync(values.lines).then(
                () => submit.mutate(),
                () => undefined,
              );
            }}
          >
            {report.status === 'queried'
              ? t({ zh: '重新报送', en: 'Resubmit' })
              : t({ zh: '报送财务部门', en: 'Submit to finance' })}
          </Button>
        )}
      </Space>
    </Form>
  );
}
