import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';

type Kind = 'organisation' | 'individual';
const KINDS: { kind: Kind; zh: string; en: string }[] = [
  { kind: 'organisation', zh: '组织', en: 'Organisations' },
  { kind: 'individual', zh: '个人', en: 'Individuals' },
];

/**
 * The rubric a stage is scored by, per applicant kind: the one encoding the standard the policy names (with its
 * article) or the office's recorded choice; and the form to record the office's choice among the rubrics the platform
 * encodes, with a reason (e.g. where the policy's standard has no number). Sheets already opened keep their rubric.
 */
export function RubricCard(props: { tenantKey: string; cycle: number; stageKey: string }) {
  const t = useT();
  const rubrics = useQuery({
    queryKey: ['office', props.tenantKey, 'rubrics'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/scoring/rubrics', {
          params: { path: { tenantKey: props.tenantKey } },
        }),
      ).rubrics,
  });
  return (
    <Card size="small" title={t({ zh: '评分标准', en: 'Rubric' })} data-testid="rubric-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        {KINDS.map((kind) => (
          <KindRubric
            key={kind.kind}
            {...props}
            kind={kind.kind}
            label={t(kind)}
            options={(rubrics.data ?? []).map((r) => ({
              value: `${r.key}@${r.version}`,
              label: `${r.standard}（${t(r.title)}，第 ${r.version} 版，满分 ${r.max}）`,
            }))}
          />
        ))}
      </Space>
    </Card>
  );
}

function KindRubric(props: {
  tenantKey: string;
  cycle: number;
  stageKey: string;
  kind: Kind;
  label: string;
  options: { value: string; label: string }[];
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ rubric: string; reason: string }>();
  const key = ['office', props.tenantKey, 'stage-rubric', props.cycle, props.stageKey, props.kind];
  const path = { tenantKey: props.tenantKey, cycle: props.cycle, stageKey: props.stageKey };
  const current = useQuery({
    queryKey: key,
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/rubric', {
          params: { path, query: { applicantKind: props.kind } },
        }),
      ),
  });
  const record = useMutation({
    mutationFn: async (values: { rubric: string; reason: string }) => {
      const [rubricKey = '', version = '1'] = values.rubric.split('@');
      return unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/rubric', {
          params: { path },
          body: { applicantKind: props.kind, rubricKey, rubricVersion: Number(version), reason: values.reason },
        }),
      );
    },
    onSuccess: (rubric) => {
      queryClient.setQueryData(key, rubric);
      form.resetFields();
      message.success(t({ zh: '评分标准已记录', en: 'Rubric recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const rubric = current.data;
  return (
    <Descriptions size="small" column={1} title={props.label} data-testid={`rubric-${props.kind}`}>
      <Descriptions.Item label={t({ zh: '现用标准', en: 'In use' })}>
        {rubric ? (
          <Space>
            {`${rubric.standard}（${t(rubric.title)}，第 ${rubric.version} 版，满分 ${rubric.max}）`}
            {rubric.source.kind === 'policy' ? (
              <Tag color="blue">{`${t({ zh: '政策规定', en: 'Policy' })} ${rubric.source.basis ?? ''}`}</Tag>
            ) : (
              <Tag color="gold">{t({ zh: '办公室决定', en: 'Office decision' })}</Tag>
            )}
          </Space>
        ) : current.error ? (
          problemText(current.error)
        ) : (
          '…'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t({ zh: '记录办公室的选择', en: 'Record the office’s choice' })}>
        <Form form={form} layout="inline" onFinish={(values) => record.mutate(values)}>
          <Form.Item name="rubric" rules={[{ required: true, message: t({ zh: '请选择', en: 'Choose one' }) }]}>
            <Select
              aria-label={`rubric-select-${props.kind}`}
              style={{ minWidth: 320 }}
              options={props.options}
              placeholder={t({ zh: '选择评分标准', en: 'Choose a rubric' })}
            />
          </Form.Item>
          <Form.Item name="reason" rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}>
            <Input aria-label={`rubric-reason-${props.kind}`} placeholder={t({ zh: '理由', en: 'Reason' })} />
          </Form.Item>
          <Button htmlType="submit" loading={record.isPending}>
            {t({ zh: '记录所选标准', en: 'Record the choice' })}
          </Button>
        </Form>
      </Descriptions.Item>
    </Descriptions>
  );
}
