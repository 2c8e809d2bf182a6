import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { useLatestCycle } from './use-latest-cycle';
import { type CandidateList, tierName } from './vote-types';

/** 404 is "not yet": the list, or null. */
async function orNull<T>(call: Promise<{ data?: T; response: Response }>): Promise<T | null> {
  const answer = await call;
  if (answer.response.status === 404) return null;
  if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
  return answer.data;
}

/**
 * The candidate list (候选获奖名单) of the latest cycle: the result of the vote and/or the deliberation the policy
 * names, published once for the awards service; and what the awards service recorded.
 */
export function CandidateListPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const { cycle, loading, error } = useLatestCycle(tenantKey);
  const number = cycle?.number ?? 0;
  const tiers = (cycle?.quotas ?? []).map((q) => ({ key: q.tier, name: t(q.name) }));
  const published = useQuery({
    queryKey: ['office', tenantKey, 'candidate-list', number],
    enabled: Boolean(cycle),
    queryFn: () =>
      orNull(
        api.GET('/api/v1/tenants/{tenantKey}/candidate-lists/{cycleNumber}', {
          params: { path: { tenantKey, cycleNumber: number } },
        }),
      ),
  });
  const received = useQuery({
    queryKey: ['office', tenantKey, 'awards-candidate-list', number],
    enabled: Boolean(published.data),
    refetchInterval: (query) => (query.state.data ? false : 2000),
    queryFn: () =>
      orNull(
        api.GET('/api/v1/tenants/{tenantKey}/cycles/{number}/candidate-list', {
          params: { path: { tenantKey, number } },
        }),
      ),
  });
  const publish = useMutation({
    mutationFn: async () => {
      const answer = await api.POST('/api/v1/tenants/{tenantKey}/candidate-lists/{cycleNumber}', {
        params: { path: { tenantKey, cycleNumber: number } },
      });
      if (!answer.data)
        throw new Error((answer.error as { detail?: string })?.detail ?? `HTTP ${answer.response.status}`);
      return answer.data;
    },
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'candidate-list'] });
      message.success(t({ zh: '候选获奖名单已发布', en: 'Candidate list published' }));
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <QueryState loading={loading || published.isLoading} error={error ?? published.error}>
      {() => {
        if (!cycle) return <Empty description={t({ zh: '尚未开启任何一届', en: 'No cycle yet' })} />;
        const list = published.data as CandidateList | null;
        return (
          <Card title={t({ zh: `第 ${cycle.number} 届候选获奖名单`, en: `Cycle ${cycle.number} candidate list` })}>
            {list ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{list.basis}</Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '发布', en: 'Published' })}>
                    {`${list.publishedBy ?? ''} ${formatInstant(list.publishedAt, t.language)}`}
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '奖项服务', en: 'Awards service' })} span={2}>
                    {received.data ? (
                      <Tag color="success">
                        {t({ zh: '已接收', en: 'Received' })} {formatInstant(received.data.receivedAt, t.language)}
                      </Tag>
                    ) : (
                      <Tag color="processing">{t({ zh: '等待接收', en: 'Waiting' })}</Tag>
                    )}
                  </Descriptions.Item>
                </Descriptions>
                <Table
                  rowKey="applicationId"
                  size="small"
                  pagination={false}
                  dataSource={list.entries}
                  columns={[
                    { title: t({ zh: '序号', en: 'No.' }), dataIndex: 'position', width: 70 },
                    { title: t({ zh: '候选对象', en: 'Candidate' }), dataIndex: 'applicantName' },
                    ...(list.stages.includes('vote')
                      ? [
                          {
                            title: t({ zh: '投票结果', en: 'Vote' }),
                            dataIndex: 'voteTier',
                            render: (k: string | null) => tierName(tiers, k),
                          },
                        ]
                      : []),
                    ...(list.stages.includes('deliberation')
                      ? [
                          {
                            title: t({ zh: '审议决定', en: 'Deliberation' }),
                            dataIndex: 'deliberationTier',
                            render: (k: string | null) => tierName(tiers, k),
                          },
                        ]
                      : []),
                    {
                      title: t({ zh: '建议奖项', en: 'Proposed tier' }),
                      dataIndex: 'proposedTier',
                      render: (k: string) => <Tag color="red">{tierName(tiers, k)}</Tag>,
                    },
                  ]}
                />
              </Space>
            ) : (
              <Space direction="vertical">
                <Alert
                  type="info"
                  showIcon
                  title={t({
                    zh: '投票计票、审议记录完成后，发布本届候选获奖名单（只发布一次），由奖项服务接收并据以核定名额、公示和决定。',
                    en: 'Once the vote is tallied and the deliberation recorded, publish the list (once) for the awards service.',
                  })}
                />
                <Popconfirm
                  title={t({ zh: '发布候选获奖名单？发布后不能撤回。', en: 'Publish? It cannot be undone.' })}
                  onConfirm={() => publish.mutate()}
                >
                  <Button type="primary" loading={publish.isPending}>
                    {t({ zh: '发布候选获奖名单', en: 'Publish the candidate list' })}
                  </Button>
                </Popconfirm>
              </Space>
            )}
          </Card>
        );
      }}
    </QueryState>
  );
}
