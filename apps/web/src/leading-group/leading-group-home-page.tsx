import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { ConflictDeclarationForm } from '../office/conflicts/conflict-declaration-form';
import { VOTE_STATUS } from '../office/votes/vote-types';
import { QueryState } from '../shared/query-state';

/** A member unit's start: the votes of the leading group (ili 第十六条), each leading to the unit's own ballot. */
export function LeadingGroupHomePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const votes = useQuery({
    queryKey: ['leading-group', tenantKey, 'votes'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/votes', { params: { path: { tenantKey }, query: {} } })).votes,
  });
  const candidates = new Map<string, string>();
  for (const vote of votes.data ?? []) {
    for (const candidate of vote.slate?.candidates ?? [])
      candidates.set(candidate.applicationId, candidate.applicantName);
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t({ zh: '成员单位投票', en: 'Votes of the member units' })}>
        <Typography.Paragraph type="secondary">
          {t({
            zh: '领导小组成员单位投票产生质量奖和质量奖提名奖候选获奖名单。每个成员单位一张选票，计票前任何人（包括办公室）都看不到其他单位的选票；计票后只公布每个候选对象的票数。',
            en: 'The member units vote the candidate list. One ballot per unit, secret until the tally; afterwards only the counts per candidate are kept.',
          })}
        </Typography.Paragraph>
        <QueryState loading={votes.isLoading} error={votes.error}>
          {() => (
            <List
              dataSource={votes.data ?? []}
              locale={{ emptyText: t({ zh: '暂无投票', en: 'No vote yet' }) }}
              renderItem={(vote) => (
                <List.Item
                  actions={
                    vote.status === 'draft'
                      ? []
                      : [
                          <Link key="ballot" to={`votes/${vote.id}`}>
                            {vote.status === 'open'
                              ? t({ zh: '填写本单位选票', en: 'Fill in our ballot' })
                              : t({ zh: '查看', en: 'View' })}
                          </Link>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={t({ zh: `第 ${vote.cycleNumber} 届候选获奖名单投票`, en: `Cycle ${vote.cycleNumber} vote` })}
                    description={`${vote.basis} · ${t({ zh: '候选对象', en: 'Candidates' })} ${vote.slate?.candidates.length ?? 0}`}
                  />
                  <Tag color={VOTE_STATUS[vote.status].color}>{t(VOTE_STATUS[vote.status])}</Tag>
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
      <Card title={t({ zh: '本单位回避申明', en: 'Our unit declares an interest' })}>
        <ConflictDeclarationForm
          tenantKey={tenantKey}
          who="member_unit"
          refresh={[['leading-group', tenantKey, 'votes']]}
          applications={[...candidates].map(([value, label]) => ({ value, label }))}
        />
      </Card>
    </Space>
  );
}
