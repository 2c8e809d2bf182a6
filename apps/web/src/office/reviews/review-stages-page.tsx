import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api-client';
import type { ReviewStage } from '../../api/api-types';
import { problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { ENTRY_DECISION, REVIEW_STAGE_STATUS } from './review-stage-labels';

/**
 * The cycle's review stages in its policy's order: each stage's rule of who enters (with the article), its state and
 * progress; the office opens a planned stage, choosing with a reason the entrants the text leaves to it.
 */
export function ReviewStagesPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const cycles = useQuery({
    queryKey: ['office', tenantKey, 'cycles'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/cycles', { params: { path: { tenantKey } } })).cycles,
  });
  const cycle = [...(cycles.data ?? [])].sort((a, b) => b.number - a.number)[0]?.number;
  const stages = useQuery({
    queryKey: ['office', tenantKey, 'review-stages', cycle],
    enabled: cycle !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/cycles/{cycle}/review-stages', {
          params: { path: { tenantKey, cycle: cycle as number } },
        }),
      ).stages,
  });
  const [opening, setOpening] = useState<ReviewStage>();
  return (
    <Card title={t({ zh: `第 ${cycle ?? '—'} 届评审环节`, en: `Review stages of cycle ${cycle ?? '—'}` })}>
      <QueryState loading={cycles.isLoading || stages.isLoading} error={cycles.error ?? stages.error}>
        {() => (
          <Table
            rowKey="stageKey"
            size="middle"
            pagination={false}
            dataSource={stages.data ?? []}
            locale={{ emptyText: t({ zh: '本届政策未规定评审环节', en: 'The policy names no review stage' }) }}
            columns={[
              { title: t({ zh: '顺序', en: 'Order' }), dataIndex: 'order', width: 70 },
              {
                title: t({ zh: '评审环节', en: 'Stage' }),
                render: (_, stage) =>
                  stage.id ? <Link to={stage.id}>{t(stage.name)}</Link> : <span>{t(stage.name)}</span>,
              },
              {
                title: t({ zh: '状态', en: 'Status' }),
                render: (_, stage) => {
                  const label = REVIEW_STAGE_STATUS[stage.status];
                  return <Tag color={label?.color}>{label ? t(label) : stage.status}</Tag>;
                },
              },
              {
                title: t({ zh: '进入规则', en: 'Who enters' }),
                render: (_, stage) =>
                  stage.entryRule ? (
                    t(stage.entryRule)
                  ) : (
                    <Typography.Text type="warning">
                      {t({
                        zh: '办法未规定，由办公室决定并记录理由',
                        en: 'Not said: the office decides and records why',
                      })}
                    </Typography.Text>
                  ),
              },
              {
                title: t({ zh: '进度', en: 'Progress' }),
                width: 220,
                render: (_, stage) =>
                  stage.status === 'planned' ? (
                    '—'
                  ) : (
                    <Space direction="vertical" size={0} style={{ width: '100%' }}>
                      <span>
                        {t({
                          zh: `参评 ${stage.progress.entrants} 份，已配齐专家 ${stage.progress.fullyAssigned} 份`,
                          en: `${stage.progress.entrants} entrants, ${stage.progress.fullyAssigned} fully assigned`,
                        })}
                      </span>
                      <Progress
                        size="small"
                        percent={
                          stage.progress.entrants === 0
                            ? 0
                            : Math.round((stage.progress.fullyAssigned / stage.progress.entrants) * 100)
                        }
                      />
                    </Space>
                  ),
              },
              {
                title: t({ zh: '操作', en: 'Actions' }),
                render: (_, stage) =>
                  stage.status === 'planned' ? (
                    <Button type="primary" size="small" onClick={() => setOpening(stage)}>
                      {t({ zh: '开启环节', en: 'Open' })}
                    </Button>
                  ) : (
                    <Link to={stage.id ?? ''}>{t({ zh: '评审组与分配', en: 'Panel and assignment' })}</Link>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {opening && cycle !== undefined && (
        <OpenStageModal tenantKey={tenantKey} cycle={cycle} stage={opening} onClose={() => setOpening(undefined)} />
      )}
    </Card>
  );
}

/** Opening a stage: the policy's findings for each accepted application, and the office's choices with a reason. */
function OpenStageModal(props: { tenantKey: string; cycle: number; stage: ReviewStage; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ chosen: string[]; entrantReason?: string; reason?: string }>();
  const undecided = props.stage.entryFindings.filter((f) => f.decision === 'office_decides');
  const open = useMutation({
    mutationFn: async (values: { chosen?: string[]; entrantReason?: string; reason?: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/cycles/{cycle}/review-stages/{stageKey}/open', {
          params: { path: { tenantKey: props.tenantKey, cycle: props.cycle, stageKey: props.stage.stageKey } },
          body: {
            ...(values.chosen?.length
              ? {
                  entrants: values.chosen.map((applicationId) => ({
                    applicationId,
                    reason: values.entrantReason ?? '',
                  })),
                }
              : {}),
            ...(values.reason ? { reason: values.reason } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      message.success(t({ zh: '评审环节已开启', en: 'The stage is open' }));
      await queryClient.invalidateQueries({ queryKey: ['office', props.tenantKey, 'review-stages'] });
      props.onClose();
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Modal
      open
      width={760}
      title={t({ zh: `开启「${props.stage.name.zh}」`, en: `Open ${props.stage.name.en}` })}
      okText={t({ zh: '开启', en: 'Open' })}
      confirmLoading={open.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={props.stage.entryFindings}
        columns={[
          { title: t({ zh: '申报主体', en: 'Applicant' }), dataIndex: 'applicantName' },
          {
            title: t({ zh: '按办法', en: 'By the policy' }),
            render: (_, f) => {
              const label = ENTRY_DECISION[f.decision];
              return <Tag color={label?.color}>{label ? t(label) : f.decision}</Tag>;
            },
          },
          { title: t({ zh: '依据', en: 'Basis' }), render: (_, f) => f.basis ?? '—' },
          { title: t({ zh: '说明', en: 'Why' }), render: (_, f) => t(f.reason) },
        ]}
      />
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(values) => open.mutate(values)}>
        {undecided.length > 0 && (
          <>
            <Form.Item name="chosen" label={t({ zh: '办公室决定进入的申报', en: 'Entrants the office decides' })}>
              <Checkbox.Group options={undecided.map((f) => ({ value: f.applicationId, label: f.applicantName }))} />
            </Form.Item>
            <Form.Item
              name="entrantReason"
              label={t({ zh: '决定理由', en: 'Reason of the decision' })}
              dependencies={['chosen']}
              rules={[
                ({ getFieldValue }) => ({
                  required: (getFieldValue('chosen') ?? []).length > 0,
                  message: t({ zh: '请说明理由', en: 'Say why' }),
                }),
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t({ zh: '备注', en: 'Note' })}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
