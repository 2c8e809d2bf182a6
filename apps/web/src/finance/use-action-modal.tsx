import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';
import { EVALUATION_RATING } from '../shared/status-labels';

/** What finance does on an entitlement's use: accept or query the report, record the performance evaluation. */
export type UseAction = 'accept' | 'query' | 'evaluate';

interface Values {
  note?: string;
  reasons?: string;
  rating?: 'excellent' | 'good' | 'fair' | 'poor';
  score?: number;
  conclusion?: string;
  evaluator?: string;
  evaluatedOn?: string;
  document?: string;
}

const TITLE: Record<UseAction, Bilingual> = {
  accept: { zh: '认可资金使用报告', en: 'Accept the use report' },
  query: { zh: '质询资金使用报告', en: 'Query the use report' },
  evaluate: { zh: '记录绩效评价', en: 'Record the performance evaluation' },
};

/**
 * One dialog per action: acceptance with an optional note; a query with its reasons (one per line), which the winner
 * reads in the portal; the performance evaluation with its rating, conclusion, evaluator, date and report number.
 */
export function UseActionModal(props: {
  tenantKey: string;
  entitlementId: string | null;
  applicantName: string;
  action: UseAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queries = useQueryClient();
  const path = { params: { path: { tenantKey: props.tenantKey, id: props.entitlementId ?? '' } } };
  const run = useMutation({
    mutationFn: async (values: Values) => {
      if (props.action === 'accept') {
        return unwrap(
          await api.POST('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/use-report/acceptance', {
            ...path,
            body: values.note?.trim() ? { note: values.note.trim() } : {},
          }),
        );
      }
      if (props.action === 'query') {
        return unwrap(
          await api.POST('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/use-report/query', {
            ...path,
            body: {
              reasons: (values.reasons ?? '')
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            },
          }),
        );
      }
      return unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/performance-evaluation', {
          ...path,
          body: {
            rating: values.rating ?? 'good',
            ...(values.score === undefined || values.score === null ? {} : { score: values.score }),
            conclusion: values.conclusion ?? '',
            evaluator: values.evaluator ?? '',
            evaluatedOn: values.evaluatedOn ?? '',
            document: values.document ?? '',
          },
        }),
      );
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['finance', props.tenantKey] });
      form.resetFields();
      props.onClose();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  const required = { required: true, message: t({ zh: '必填', en: 'Required' }) };
  return (
    <Modal
      title={props.action ? t(TITLE[props.action]) : ''}
      open={props.action !== null}
      okText={t({ zh: '确认', en: 'Confirm' })}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={run.mutate}>
        <p>{t({ zh: `获奖单位：${props.applicantName}`, en: `Winner: ${props.applicantName}` })}</p>
        {props.action === 'accept' && (
          <Form.Item name="note" label={t({ zh: '意见（可选）', en: 'Note (optional)' })}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {props.action === 'query' && (
          <Form.Item
            name="reasons"
            label={t({ zh: '质询事项（每行一项）', en: 'Questions (one per line)' })}
            rules={[required]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {props.action === 'evaluate' && (
          <>
            <Form.Item name="rating" label={t({ zh: '评价等级', en: 'Rating' })} rules={[required]}>
              <Select
                options={Object.entries(EVALUATION_RATING).map(([value, label]) => ({ value, label: t(label) }))}
              />
            </Form.Item>
            <Form.Item name="score" label={t({ zh: '评分（可选，0–100）', en: 'Score (optional)' })}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="conclusion" label={t({ zh: '评价结论', en: 'Conclusion' })} rules={[required]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="evaluator" label={t({ zh: '评价单位', en: 'Evaluator' })} rules={[required]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="evaluatedOn"
              label={t({ zh: '评价日期', en: 'Evaluated on' })}
              rules={[
                required,
                { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t({ zh: '格式：2027-03-31', en: 'As 2027-03-31' }) },
              ]}
            >
              <Input placeholder="2027-03-31" />
            </Form.Item>
            <Form.Item name="document" label={t({ zh: '评价报告文号', en: 'Report number' })} rules={[required]}>
              <Input />
            </Form.Item>
          </>
        )}
        {run.isError && <p style={{ color: '#cf1322' }}>{problemText(run.error)}</p>}
      </Form>
    </Modal>
  );
}
