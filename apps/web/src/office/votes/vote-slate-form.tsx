import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Tag } from 'antd';
import { api } from '../../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import type { Vote } from './vote-types';

/**
 * The slate: the applications that reached the vote, in the order of the cycle's ranking (left empty, the service takes
 * it: the composite's, or the last scored stage's). Picked here, it is the office's own list, recorded with the reason —
 * the only way where the policy scores no stage.
 */
export function VoteSlateForm(props: { tenantKey: string; vote: Vote }) {
  const { tenantKey, vote } = props;
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ applicationIds?: string[]; reason: string }>();
  const accepted = useQuery({
    queryKey: ['office', tenantKey, 'applications', 'accepted', vote.cycleNumber],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications', {
          params: { path: { tenantKey }, query: { cycle: vote.cycleNumber, status: ['accepted'], limit: 200 } },
        }),
      ).applications,
  });
  const save = useMutation({
    mutationFn: async (values: { applicationIds?: string[]; reason: string }) =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/votes/{id}/slate', {
          params: { path: { tenantKey, id: vote.id } },
          body: values.applicationIds?.length
            ? { applicationIds: values.applicationIds, reason: values.reason }
            : { reason: values.reason },
        }),
      ),
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'votes'] });
      message.success(t({ zh: '候选名单已记录', en: 'Slate recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={vote.status !== 'draft'}
      initialValues={{
        applicationIds: vote.slate?.candidates.map((c) => c.applicationId) ?? [],
        reason: vote.slate?.reason,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      {vote.slate && (
        <Tag color={vote.slate.source === 'ranking' ? 'blue' : 'gold'} data-testid="slate-source">
          {vote.slate.source === 'ranking'
            ? `${t({ zh: '取自本届排名', en: 'From the ranking' })} ${vote.slate.basis ?? ''}`
            : t({ zh: '办公室决定的名单', en: 'The office’s list' })}
        </Tag>
      )}
      <Form.Item
        name="applicationIds"
        label={t({
          zh: '进入投票环节的申报：留空即按本届排名；选择即为办公室决定的名单（按先后）',
          en: 'Applications on the slate: empty takes the cycle’s ranking; picked, the office’s list in order',
        })}
      >
        <Select
          mode="multiple"
          loading={accepted.isLoading}
          options={(accepted.data ?? []).map((a) => ({ value: a.id, label: a.applicant.name }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t({ zh: '依据（如综合评审报告排名）', en: 'Why (e.g. the composite report’s ranking)' })}
        rules={[{ required: true, message: t({ zh: '请说明依据', en: 'Say why' }) }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        {t({ zh: '记录候选名单', en: 'Record the slate' })}
      </Button>
    </Form>
  );
}
