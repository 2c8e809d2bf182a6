import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import type { ScoreItemBody, ScoreSheet } from '../api/api-types';
import { ProblemError, problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { type ItemValues, RubricItemsTable } from './rubric-items-table';

const STATUS = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '已提交', en: 'Submitted', color: 'green' },
  revised: { zh: '已修订', en: 'Revised', color: 'orange' },
} as const;

const valuesOf = (sheet: ScoreSheet | null): ItemValues =>
  Object.fromEntries(
    (sheet?.items ?? []).map((item) => [
      item.itemKey,
      {
        itemKey: item.itemKey,
        score: item.score,
        strengths: item.strengths ?? '',
        improvements: item.improvements ?? '',
      },
    ]),
  );

/** `body.items[3].score` → the key of the fourth item sent, so the reason shows under that item. */
function errorsByItem(error: unknown, sent: ScoreItemBody[]): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.problem.errors ?? []) {
    const index = /^body\.items\[(\d+)\]/.exec(problem.field ?? '')?.[1];
    const item = index === undefined ? undefined : sent[Number(index)];
    if (item) out[item.itemKey] = problem.reason ?? '';
  }
  return out;
}

/**
 * The expert's score sheet for one application in one stage: the rubric's items with score, strengths and
 * opportunities for improvement; saved as a draft as often as needed, submitted once after a confirmation; then
 * changed only by a revision with a reason (the record of old and new values is shown below).
 */
export function ScoringFormPage() {
  const { tenantKey = '', cycle = '1', stageKey = '', applicationId = '' } = useParams();
  const t = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const path = { tenantKey, cycle: Number(cycle), stageKey, applicationId };
  const queryKey = ['expert', tenantKey, 'sheet', cycle, stageKey, applicationId];
  const mine = useQuery({
    queryKey,
    queryFn: async () =>
      unwrap(
        await api.GET(
          '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/applications/{applicationId}/sheet',
          { params: { path } },
        ),
      ),
    retry: false,
  });
  const [values, setValues] = useState<ItemValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [revising, setRevising] = useState(false);
  const [reason, setReason] = useState('');
  const sheet = mine.data?.sheet ?? null;
  useEffect(() => setValues(valuesOf(sheet)), [sheet]);
  const scored = useMemo(() => Object.values(values).filter((item) => typeof item.score === 'number'), [values]);
  const total = scored.reduce((sum, item) => sum + item.score, 0);
  const submitted = sheet !== null && sheet.status !== 'draft';

  const onSaved = (saved: ScoreSheet) => {
    queryClient.setQueryData(queryKey, { rubric: mine.data?.rubric, sheet: saved });
    setErrors({});
  };
  const onFailed = (error: unknown, sent: ScoreItemBody[]) => {
    setErrors(errorsByItem(error, sent));
    message.error(problemText(error));
  };
  const save = useMutation({
    mutationFn: async (items: ScoreItemBody[]) =>
      unwrap(
        await api.PUT(
          '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/applications/{applicationId}/sheet',
          { params: { path }, body: { items } },
        ),
      ),
    onSuccess: (saved) => {
      onSaved(saved);
      message.success(t({ zh: '草稿已保存', en: 'Draft saved' }));
    },
    onError: (error, sent) => onFailed(error, sent),
  });
  const submit = useMutation({
    mutationFn: async (items: ScoreItemBody[]) => {
      unwrap(
        await api.PUT(
          '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/applications/{applicationId}/sheet',
          { params: { path }, body: { items } },
        ),
      );
      return unwrap(
        await api.POST(
          '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/applications/{applicationId}/sheet/submit',
          { params: { path } },
        ),
      );
    },
    onSuccess: (saved) => {
      onSaved(saved);
      message.success(t({ zh: '评分表已提交', en: 'Score sheet submitted' }));
    },
    onError: (error, sent) => onFailed(error, sent),
  });
  const revise = useMutation({
    mutationFn: async (items: ScoreItemBody[]) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/scoring/sheets/{id}/revisions', {
          params: { path: { tenantKey, id: sheet?.id ?? '' } },
          body: { items, reason },
        }),
      ),
    onSuccess: (saved) => {
      onSaved(saved);
      setRevising(false);
      setReason('');
      message.success(t({ zh: '修订已记录', en: 'Revision recorded' }));
    },
    onError: (error, sent) => onFailed(error, sent),
  });

  const changedItems = () => {
    const before = valuesOf(sheet);
    return scored.filter((item) => {
      const old = before[item.itemKey];
      return (
        !old ||
        old.score !== item.score ||
        (old.strengths ?? '') !== (item.strengths ?? '') ||
        (old.improvements ?? '') !== (item.improvements ?? '')
      );
    });
  };
  const confirmSubmit = () =>
    modal.confirm({
      title: t({ zh: '确认提交评分表？', en: 'Submit the score sheet?' }),
      content: t({
        zh: `总分 ${total}。提交后不能再保存草稿，只能通过修订（须说明理由，留有记录）更改。`,
        en: `Total ${total}. After submission the sheet changes only by a revision with a reason, which is recorded.`,
      }),
      okText: t({ zh: '确认提交', en: 'Submit' }),
      cancelText: t({ zh: '取消', en: 'Cancel' }),
      onOk: () => submit.mutateAsync(scored).catch(() => undefined),
    });

  return (
    <QueryState loading={mine.isLoading} error={mine.error}>
      {() =>
        mine.data ? (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Link to={`/expert/${tenantKey}`}>{t({ zh: '← 返回评审任务', en: '← Back to my assignments' })}</Link>
            <Card
              title={t({ zh: '评分表', en: 'Score sheet' })}
              extra={
                sheet ? (
                  <Tag color={STATUS[sheet.status].color} data-testid="sheet-status">
                    {t(STATUS[sheet.status])}
                  </Tag>
                ) : (
                  <Tag>{t({ zh: '未开始', en: 'Not started' })}</Tag>
                )
              }
            >
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t({ zh: '申报单位', en: 'Applicant' })}>
                  {sheet?.applicantName ?? applicationId}
                </Descriptions.Item>
                <Descriptions.Item
                  label={t({ zh: '环节', en: 'Stage' })}
                >{`第${cycle}届 · ${stageKey}`}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '评分标准', en: 'Rubric' })}>
                  {`${mine.data.rubric.standard} ${t(mine.data.rubric.title)}（v${mine.data.rubric.version}）`}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>
                  {mine.data.rubric.source.kind === 'policy'
                    ? mine.data.rubric.source.basis
                    : t({ zh: '办公室记录的决定', en: 'The office’s recorded decision' })}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '当前总分', en: 'Total' })}>
                  <Typography.Text
                    strong
                    data-testid="sheet-total"
                  >{`${total} / ${mine.data.rubric.max}`}</Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              {mine.data.rubric.categories.some((category) =>
                category.items.some((item) => item.pointsSource === 'office_configuration'),
              ) && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginTop: 12 }}
                  title={t({
                    zh: '各类目分值依据标准；类目下各评分项目的分值为办公室记录的配置（未能对照标准原文核实）。',
                    en: 'Category points are the standard’s; the item split within each category is the office’s recorded configuration (not verified against the standard’s text).',
                  })}
                  description={t.language === 'en' ? (mine.data.rubric.note ?? undefined) : undefined}
                />
              )}
            </Card>
            <RubricItemsTable
              rubric={mine.data.rubric}
              values={values}
              errors={errors}
              readOnly={submitted && !revising}
              onChange={(itemKey, change) =>
                setValues((current) => ({
                  ...current,
                  [itemKey]: { ...(current[itemKey] ?? { itemKey, score: 0 }), itemKey, ...change } as ScoreItemBody,
                }))
              }
            />
            {!submitted && (
              <Space>
                <Button onClick={() => save.mutate(scored)} loading={save.isPending}>
                  {t({ zh: '保存草稿', en: 'Save draft' })}
                </Button>
                <Button type="primary" onClick={confirmSubmit} loading={submit.isPending}>
                  {t({ zh: '提交评分表', en: 'Submit' })}
                </Button>
              </Space>
            )}
            {submitted && !revising && (
              <Button onClick={() => setRevising(true)}>{t({ zh: '修订评分', en: 'Revise' })}</Button>
            )}
            {submitted && revising && (
              <Card size="small" title={t({ zh: '修订理由（必填，将被记录）', en: 'Why (required; recorded)' })}>
                <Input.TextArea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
                <Space style={{ marginTop: 12 }}>
                  <Button
                    type="primary"
                    disabled={!reason.trim() || changedItems().length === 0}
                    loading={revise.isPending}
                    onClick={() => revise.mutate(changedItems())}
                  >
                    {t({ zh: '记录修订', en: 'Record the revision' })}
                  </Button>
                  <Button
                    onClick={() => {
                      setRevising(false);
                      setValues(valuesOf(sheet));
                    }}
                  >
                    {t({ zh: '取消', en: 'Cancel' })}
                  </Button>
                </Space>
              </Card>
            )}
            {sheet && sheet.revisions.length > 0 && (
              <Card size="small" title={t({ zh: '修订记录', en: 'Revisions' })}>
                <Timeline
                  items={sheet.revisions.map((revision) => ({
                    children: `${formatInstant(revision.at, t.language)} ${revision.actor ?? ''}：${revision.oldTotal} → ${revision.newTotal}（${revision.reason}）；${revision.changes
                      .map((change) => `${change.itemKey} ${change.old?.score ?? '—'}→${change.new.score}`)
                      .join('，')}`,
                  }))}
                />
              </Card>
            )}
          </Space>
        ) : null
      }
    </QueryState>
  );
}
