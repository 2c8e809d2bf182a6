import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { api } from '../../api/api-client';
import { ProblemError, problemText, unwrap } from '../../api/problem';
import { sessionStore } from '../../api/session-store';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { CompositeAssessments } from './composite-assessments';

/** Downloads the composite report (综合评审报告) with the session's token. */
async function download(tenantKey: string, cycle: number, format: 'html' | 'pdf' = 'html') {
  const token = await sessionStore.accessToken();
  const file = format === 'pdf' ? 'report.pdf' : 'report';
  const response = await fetch(`/api/v1/tenants/${tenantKey}/scoring/cycles/${cycle}/composite/${file}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.html';
  const url = URL.createObjectURL(await response.blob());
  const anchor = Object.assign(document.createElement('a'), { href: url, download: name });
  anchor.click();
  URL.revokeObjectURL(url);
}

/**
 * The composite of the stages the policy combines (linxia 第二十条, inner-mongolia 第十五条): the weights (the policy's
 * or the office's recorded ones, which it records here with a reason), the ranking with ties, and the report download.
 * Where the policy scores nothing (ili 第十六条, xinzhou-district 第十三条) the office records its assessment of each
 * application instead (`CompositeAssessments`); the report is downloaded the same way.
 */
export function CompositeCard({
  tenantKey,
  cycle,
  stageName,
}: {
  tenantKey: string;
  cycle: number;
  stageName: (key: string) => string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const queryKey = ['office', tenantKey, 'composite', cycle];
  const composite = useQuery({
    queryKey,
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/composite', {
          params: { path: { tenantKey, cycle } },
        }),
      ),
  });
  const weights = useMutation({
    mutationFn: async (values: { weights: Record<string, number>; reason: string }) =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/composite/weights', {
          params: { path: { tenantKey, cycle } },
          body: values,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
      message.success(t({ zh: '权重已记录', en: 'Weights recorded' }));
    },
    onError: (error) => message.error(problemText(error)),
  });
  if (composite.error instanceof ProblemError && composite.error.problem.status === 422) {
    return (
      <Card title={t({ zh: '综合评分与综合评审报告', en: 'Composite and report' })}>
        <Alert type="info" showIcon title={composite.error.message} />
      </Card>
    );
  }
  return (
    <Card
      title={
        composite.data?.method === 'assessed'
          ? t({ zh: '综合评审（不评分）与报告', en: 'Composite assessment (not scored) and report' })
          : t({ zh: '综合评分与综合评审报告', en: 'Composite and report' })
      }
    >
      <QueryState loading={composite.isLoading} error={composite.error}>
        {() =>
          composite.data ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <div>
                {`${t({ zh: '依据', en: 'Basis' })}：${composite.data.basis}；${
                  composite.data.method === 'assessed'
                    ? t({ zh: '根据评审结果', en: 'On the results of' })
                    : t({ zh: '综合环节', en: 'Stages' })
                }：${composite.data.stages.map(stageName).join('、')}`}
                {composite.data.weights && (
                  <Tag style={{ marginLeft: 8 }}>
                    {Object.entries(composite.data.weights.values)
                      .map(([stage, weight]) => `${stageName(stage)} ${weight}`)
                      .join(' : ')}
                    {composite.data.weights.source === 'policy' ? '（政策）' : `（${composite.data.weights.reason}）`}
                  </Tag>
                )}
              </div>
              {composite.data.pending.map((pending) => (
                <Alert key={pending.en} type="warning" showIcon title={t(pending)} />
              ))}
              {composite.data.method === 'assessed' ? (
                <CompositeAssessments
                  tenantKey={tenantKey}
                  cycle={cycle}
                  composite={composite.data}
                  onSaved={(saved) => queryClient.setQueryData(queryKey, saved)}
                />
              ) : (
                <>
                  <Form
                    layout="inline"
                    onFinish={(values: Record<string, number | string>) =>
                      weights.mutate({
                        weights: Object.fromEntries(
                          composite.data.stages.map((stage) => [stage, Number(values[stage])]),
                        ),
                        reason: String(values.reason ?? ''),
                      })
                    }
                  >
                    {composite.data.stages.map((stage) => (
                      <Form.Item
                        key={stage}
                        name={stage}
                        label={stageName(stage)}
                        rules={[{ required: true, message: '' }]}
                      >
                        <InputNumber min={0.01} style={{ width: 90 }} />
                      </Form.Item>
                    ))}
                    <Form.Item
                      name="reason"
                      rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}
                    >
                      <Input
                        placeholder={t({ zh: '记录权重的理由', en: 'Why these weights' })}
                        style={{ width: 260 }}
                      />
                    </Form.Item>
                    <Button htmlType="submit" loading={weights.isPending}>
                      {t({ zh: '记录权重', en: 'Record weights' })}
                    </Button>
                  </Form>
                  <Table
                    rowKey="applicationId"
                    size="small"
                    pagination={false}
                    dataSource={composite.data.ranking}
                    locale={{ emptyText: t({ zh: '尚无综合排名', en: 'No composite ranking yet' }) }}
                    columns={[
                      {
                        title: t({ zh: '名次', en: 'Rank' }),
                        render: (_, row) => (row.tiedWith.length > 0 ? `${row.rank}（并列）` : row.rank),
                      },
                      {
                        title: t({ zh: '类别（分别排名）', en: 'Kind (ranked separately)' }),
                        render: (_, row) =>
                          row.applicantKind === 'individual'
                            ? t({ zh: '个人', en: 'Individual' })
                            : t({ zh: '组织', en: 'Organisation' }),
                      },
                      { title: t({ zh: '申报者', en: 'Applicant' }), dataIndex: 'applicantName' },
                      ...composite.data.stages.map((stage) => ({
                        title: stageName(stage),
                        render: (_: unknown, row: (typeof composite.data.ranking)[number]) =>
                          row.stages[stage]?.toFixed(2),
                      })),
                      { title: t({ zh: '综合得分', en: 'Composite' }), render: (_, row) => row.score.toFixed(2) },
                    ]}
                  />
                  {composite.data.incomplete.map((row) => (
                    <Alert
                      key={row.applicationId}
                      type={row.skipped ? 'warning' : 'info'}
                      showIcon
                      title={`${row.applicantName}：${t({ zh: '缺', en: 'lacks' })} ${row.missing.map(stageName).join('、')}${
                        row.skipped
                          ? t({
                              zh: `（按 ${row.skipped.basis} 不参加；综合方式须由办公室记录）`,
                              en: ` (skipped under ${row.skipped.basis}; the office records how its composite is formed)`,
                            })
                          : ''
                      }`}
                    />
                  ))}
                  {composite.data.kindRules.map((rule) => (
                    <Tag key={rule.applicantKind} color="gold">
                      {`${rule.applicantKind === 'individual' ? '个人' : '组织'}：${Object.entries(rule.weights)
                        .map(([stage, weight]) => `${stageName(stage)} ${weight}`)
                        .join(
                          '、',
                        )}（${t({ zh: '办公室决定', en: 'office decision' })}，${rule.basis}：${rule.reason}）`}
                    </Tag>
                  ))}
                </>
              )}
              <Button
                type="primary"
                onClick={() => download(tenantKey, cycle).catch((error) => message.error(problemText(error)))}
              >
                {composite.data.method === 'assessed'
                  ? t({ zh: '下载报告', en: 'Download the report' })
                  : t({ zh: '下载综合评审报告', en: 'Download the composite report' })}
              </Button>
              <Button
                onClick={() => download(tenantKey, cycle, 'pdf').catch((error) => message.error(problemText(error)))}
              >
                {t({ zh: '下载 PDF', en: 'Download as PDF' })}
              </Button>
            </Space>
          ) : null
        }
      </QueryState>
    </Card>
  );
}
