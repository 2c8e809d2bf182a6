import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { MemberUnitsCard } from './member-units-card';
import { useLatestCycle } from './use-latest-cycle';
import { VoteRulesForm } from './vote-rules-form';
import { VoteSlateForm } from './vote-slate-form';
import { VoteTallyTable } from './vote-tally-table';
import { VOTE_STATUS, type Vote } from './vote-types';

/**
 * The office's vote of the member units (ili 第十六条): member units, the recorded quorum and majority, the slate,
 * open, who has cast (never what), close and the tally.
 */
export function VoteSetupPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const { cycle, loading, error } = useLatestCycle(tenantKey);
  const votes = useQuery({
    queryKey: ['office', tenantKey, 'votes', cycle?.number],
    enabled: Boolean(cycle),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/votes', {
          params: { path: { tenantKey }, query: { cycle: cycle?.number } },
        }),
      ).votes,
  });
  const onError = (e: unknown) => message.error(problemText(e));
  const refresh = () => queries.invalidateQueries({ queryKey: ['office', tenantKey, 'votes'] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/votes', {
          params: { path: { tenantKey } },
          body: { cycleNumber: cycle?.number ?? 0 },
        }),
      ),
    onSuccess: refresh,
    onError,
  });
  const step = useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'open' | 'close' }) =>
      unwrap(
        action === 'open'
          ? await api.POST('/api/v1/tenants/{tenantKey}/votes/{id}/open', { params: { path: { tenantKey, id } } })
          : await api.POST('/api/v1/tenants/{tenantKey}/votes/{id}/close', { params: { path: { tenantKey, id } } }),
      ),
    onSuccess: (vote) => {
      refresh();
      message.success(
        vote.status === 'open' ? t({ zh: '投票已开始', en: 'Vote opened' }) : t({ zh: '已计票', en: 'Tallied' }),
      );
    },
    onError,
  });
  const voteStage = cycle?.schedule.find((s) => s.kind === 'vote');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <MemberUnitsCard tenantKey={tenantKey} />
      <QueryState loading={loading || votes.isLoading} error={error ?? votes.error}>
        {() => {
          if (!cycle) return <Empty description={t({ zh: '尚未开启任何一届', en: 'No cycle yet' })} />;
          if (!voteStage) {
            return (
              <Alert
                type="info"
                showIcon
                title={t({ zh: '本届适用的政策未规定成员单位投票环节', en: 'The cycle’s policy names no vote' })}
              />
            );
          }
          const vote = votes.data?.[0] as Vote | undefined;
          if (!vote) {
            return (
              <Card title={t({ zh: `第 ${cycle.number} 届成员单位投票`, en: `Cycle ${cycle.number} vote` })}>
                <Button type="primary" onClick={() => create.mutate()} loading={create.isPending}>
                  {t({ zh: '创建投票', en: 'Create the vote' })}
                </Button>
              </Card>
            );
          }
          return (
            <Card
              title={t({ zh: `第 ${cycle.number} 届成员单位投票`, en: `Cycle ${cycle.number} vote` })}
              extra={<Tag color={VOTE_STATUS[vote.status].color}>{t(VOTE_STATUS[vote.status])}</Tag>}
            >
              <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{vote.basis}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '奖项', en: 'Tiers' })}>
                  {vote.tiers.map((tier) => tier.name).join('、')}
                </Descriptions.Item>
                {vote.rules ? (
                  <Descriptions.Item label={t({ zh: '规则记录', en: 'Rules recorded' })} span={2}>
                    {`${vote.rules.decidedBy ?? ''} ${formatInstant(vote.rules.decidedAt, t.language)}：${vote.rules.reason}`}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <VoteRulesForm tenantKey={tenantKey} vote={vote} />
                <VoteSlateForm tenantKey={tenantKey} vote={vote} />
                {vote.status === 'draft' ? (
                  <Popconfirm
                    title={t({
                      zh: '开始投票？开始后规则和候选名单不能再改。',
                      en: 'Open the vote? Rules and slate freeze.',
                    })}
                    onConfirm={() => step.mutate({ id: vote.id, action: 'open' })}
                  >
                    <Button type="primary" loading={step.isPending}>
                      {t({ zh: '开始投票', en: 'Open the vote' })}
                    </Button>
                  </Popconfirm>
                ) : null}
                {vote.status !== 'draft' ? (
                  <Table
                    rowKey="memberUnitId"
                    size="small"
                    pagination={false}
                    dataSource={vote.turnout}
                    columns={[
                      { title: t({ zh: '成员单位', en: 'Unit' }), dataIndex: 'name' },
                      {
                        title: t({ zh: '是否已投票（不显示投票内容）', en: 'Cast (never what)' }),
                        dataIndex: 'cast',
                        render: (cast: boolean) =>
                          cast ? <Tag color="success">已投票</Tag> : <Tag color="warning">未投票</Tag>,
                      },
                    ]}
                  />
                ) : null}
                {vote.status === 'open' ? (
                  <Popconfirm
                    title={t({ zh: '结束投票并计票？未投票的单位将不能再投。', en: 'Close and tally?' })}
                    onConfirm={() => step.mutate({ id: vote.id, action: 'close' })}
                  >
                    <Button danger loading={step.isPending}>
                      {t({ zh: '结束投票并计票', en: 'Close and tally' })}
                    </Button>
                  </Popconfirm>
                ) : null}
                <VoteTallyTable vote={vote} />
              </Space>
            </Card>
          );
        }}
      </QueryState>
    </Space>
  );
}
