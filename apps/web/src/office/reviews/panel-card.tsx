import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space } from 'antd';
import { api } from '../../api/api-client';
import { fieldErrorsOf, ProblemError, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';

interface PanelForm {
  name: string;
  size: number;
  sizeReason: string;
  members: { expertId: string; minLoad: number; maxLoad: number }[];
}

/** The stage's panel (评审组): its size with the office's reason, its members from the pool with their loads. */
export function PanelCard(props: { tenantKey: string; stageId: string; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PanelForm>();
  const path = { tenantKey: props.tenantKey, id: props.stageId };
  const panel = useQuery({
    queryKey: ['office', props.tenantKey, 'panel', props.stageId],
    retry: false,
    queryFn: async () => {
      const answer = await api.GET('/api/v1/tenants/{tenantKey}/review-stages/{id}/panel', { params: { path } });
      // 409: no panel yet.
      if (answer.response.status === 409) return null;
      return unwrap(answer);
    },
  });
  const pool = useQuery({
    queryKey: ['office', props.tenantKey, 'experts'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/experts', {
          params: { path: { tenantKey: props.tenantKey }, query: { limit: 500 } },
        }),
      ).experts,
  });
  const save = useMutation({
    mutationFn: async (body: PanelForm) =>
      unwrap(await api.PUT('/api/v1/tenants/{tenantKey}/review-stages/{id}/panel', { params: { path }, body })),
    onSuccess: async () => {
      message.success(t({ zh: '评审组已保存', en: 'The panel is saved' }));
      await queryClient.invalidateQueries({ queryKey: ['office', props.tenantKey] });
    },
    onError: (error) => {
      if (error instanceof ProblemError && error.problem.errors?.length) form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const current = panel.data;
  return (
    <Card title={t({ zh: '评审组', en: 'Panel' })} loading={panel.isLoading}>
      {current && (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t({ zh: '名称', en: 'Name' })}>{current.name}</Descriptions.Item>
          <Descriptions.Item label={t({ zh: '每份申报专家数', en: 'Experts per application' })}>
            {current.size}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '规模理由', en: 'Why this size' })}>{current.sizeReason}</Descriptions.Item>
          <Descriptions.Item label={t({ zh: '决定人', en: 'Decided by' })}>
            {current.sizeDecidedBy ?? '—'}，{formatInstant(current.sizeDecidedAt, t.language)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {props.editable && (
        <Form
          form={form}
          layout="vertical"
          key={current?.id ?? 'new'}
          initialValues={
            current
              ? {
                  name: current.name,
                  size: current.size,
                  sizeReason: current.sizeReason,
                  members: current.members.map(({ expertId, minLoad, maxLoad }) => ({ expertId, minLoad, maxLoad })),
                }
              : { name: '评审组', size: 3, members: [] }
          }
          onFinish={(values) => save.mutate(values)}
        >
          <Space align="start" wrap>
            <Form.Item name="name" label={t({ zh: '评审组名称', en: 'Panel name' })} rules={[{ required: true }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="size" label={t({ zh: '每份申报专家数', en: 'Experts per application' })}>
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Form.Item
              name="sizeReason"
              label={t({ zh: '规模理由', en: 'Why this size' })}
              rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}
            >
              <Input style={{ width: 360 }} />
            </Form.Item>
          </Space>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'expertId']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 220 }}
                        placeholder={t({ zh: '选择专家', en: 'Choose an expert' })}
                        options={(pool.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'minLoad']} label={t({ zh: '最少', en: 'Min' })} initialValue={0}>
                      <InputNumber min={0} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'maxLoad']} label={t({ zh: '最多', en: 'Max' })} initialValue={10}>
                      <InputNumber min={1} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                    {t({ zh: '添加专家', en: 'Add an expert' })}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t({ zh: '保存评审组', en: 'Save the panel' })}
          </Button>
        </Form>
      )}
      {panel.error && <span>{problemText(panel.error)}</span>}
    </Card>
  );
}
