import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api-client';
import type { ReviewStage } from '../../api/api-types';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { AssignmentsCard } from './assignments-card';
import { PanelCard } from './panel-card';
import { REVIEW_STAGE_STATUS } from './review-stage-labels';

/** One review stage: its entrants (by the policy's article or the office's record), panel, assignment and closing. */
export function ReviewStagePage() {
  const { tenantKey = '', stageId = '' } = useParams();
  const t = useT();
  const [closing, setClosing] = useState(false);
  const stage = useQuery({
    queryKey: ['office', tenantKey, 'review-stage', stageId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/review-stages/{id}', {
          params: { path: { tenantKey, id: stageId } },
        }),
      ),
  });
  return (
    <QueryState loading={stage.isLoading} error={stage.error}>
      {() => {
        const s = stage.data as ReviewStage;
        const label = REVIEW_STAGE_STATUS[s.status];
        const open = s.status === 'open';
        return (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title={
                <Space>
                  <Link to="..">{t({ zh: '评审环节', en: 'Review stages' })}</Link>/<span>{t(s.name)}</span>
                  <Tag color={label?.color}>{label ? t(label) : s.status}</Tag>
                </Space>
              }
              extra={
                open && (
                  <Button danger onClick={() => setClosing(true)}>
                    {t({ zh: '结束环节', en: 'Close the stage' })}
                  </Button>
                )
              }
            >
              <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{s.basis}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '进入规则', en: 'Who enters' })}>
                  {s.entryRule
                    ? t(s.entryRule)
                    : t({ zh: '办法未规定，由办公室决定', en: 'Not said: the office decides' })}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '开启', en: 'Opened' })}>
                  {s.openedBy ?? '—'}，{s.openedAt ? formatInstant(s.openedAt, t.language) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '进度', en: 'Progress' })}>
                  {t({
                    zh: `参评 ${s.progress.entrants} 份，已配齐 ${s.progress.fullyAssigned} 份，分配 ${s.progress.assignments} 人次`,
                    en: `${s.progress.entrants} entrants, ${s.progress.fullyAssigned} fully assigned, ${s.progress.assignments} assignments`,
                  })}
                </Descriptions.Item>
              </Descriptions>
              <Table
                rowKey="applicationId"
                size="small"
                pagination={false}
                dataSource={s.entrants}
                columns={[
                  { title: t({ zh: '参评申报', en: 'Entrant' }), dataIndex: 'applicantName' },
                  {
                    title: t({ zh: '进入依据', en: 'Entered by' }),
                    render: (_, e) =>
                      e.source === 'policy'
                        ? e.basis
                        : t({ zh: `办公室决定（${e.decidedBy}）`, en: `Office (${e.decidedBy})` }),
                  },
                  { title: t({ zh: '说明', en: 'Why' }), dataIndex: 'reason' },
                  {
                    title: t({ zh: '结果', en: 'Outcome' }),
                    render: (_, e) =>
                      e.outcome === 'went_on' ? (
                        <Tag color="green">{t({ zh: '通过', en: 'Went on' })}</Tag>
                      ) : e.outcome === 'stopped' ? (
                        <Tag>{t({ zh: '未通过', en: 'Stopped' })}</Tag>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </Card>
            <PanelCard tenantKey={tenantKey} stageId={stageId} editable={open} />
            <AssignmentsCard tenantKey={tenantKey} stageId={stageId} editable={open} />
            {closing && <CloseStageModal tenantKey={tenantKey} stage={s} onClose={() => setClosing(false)} />}
          </Space>
        );
      }}
    </QueryState>
  );
}

/** Closing: who went on to the next stage and why (the others stop here). */
function CloseStageModal(props: { tenantKey: string; stage: ReviewStage; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ wentOn: string[]; reason: string }>();
  const close = useMutation({
    mutationFn: async (values: { wentOn?: string[]; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/review-stages/{id}/close', {
          params: { path: { tenantKey: props.tenantKey, id: props.stage.id ?? '' } },
          // A stage the score decides closes with its recorded cut's list and reason: one decision.
          body: props.stage.closesByCut ? {} : { wentOn: values.wentOn ?? [], reason: values.reason },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['office', props.tenantKey] });
      props.onClose();
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Modal
      open
      title={t({ zh: `结束「${props.stage.name.zh}」`, en: `Close ${props.stage.name.en}` })}
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" onFinish={(values) => close.mutate(values)}>
        {props.stage.closesByCut ? (
          <Alert
            type="info"
            showIcon
            title={t({
              zh: `按得分确定进入下一环节的申报（${props.stage.closesByCut}）：本环节按已记录的分数线名单及理由结束，不另行列出。`,
              en: `The score decides who goes on (${props.stage.closesByCut}): the stage closes with the recorded cut's list and reason.`,
            })}
          />
        ) : (
          <CloseStageFields stage={props.stage} />
        )}
      </Form>
    </Modal>
  );
}

/** The office's own list of who went on, with its reason (a stage without a cut). */
function CloseStageFields(props: { stage: ReviewStage }) {
  const t = useT();
  return (
    <>
      <Form.Item name="wentOn" label={t({ zh: '通过、进入下一环节的申报', en: 'Went on to the next stage' })}>
        <Checkbox.Group
          options={props.stage.entrants.map((e) => ({ value: e.applicationId, label: e.applicantName }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t({ zh: '理由', en: 'Reason' })}
        rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
