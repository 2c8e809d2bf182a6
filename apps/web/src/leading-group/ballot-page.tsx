import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { BALLOT_STATUS, type Ballot, tierName, VOTE_STATUS } from '../office/votes/vote-types';
import { QueryState } from '../shared/query-state';

/**
 * The member unit's own ballot: per candidate a tier of the policy or 不列入; saved as a draft while the vote is
 * open, cast once after a confirmation. Nobody else reads it; after the tally even the unit's copy is gone.
 */
export function BallotPage() {
  const { tenantKey = '', voteId = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const key = ['leading-group', tenantKey, 'ballot', voteId];
  const ballot = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/votes/{id}/ballots/mine', {
          params: { path: { tenantKey, id: voteId } },
        }),
      ),
  });
  const [choices, setChoices] = useState<Record<string, string>>({});
  useEffect(() => {
    if (ballot.data) setChoices(Object.fromEntries(ballot.data.choices.map((c) => [c.applicationId, c.choice])));
  }, [ballot.data]);
  const body = () => ({
    choices: Object.entries(choices).map(([applicationId, choice]) => ({ applicationId, choice })),
  });
  const done = (data: Ballot, text: string) => {
    queries.setQueryData(key, data);
    message.success(text);
  };
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/votes/{id}/ballots/mine', {
          params: { path: { tenantKey, id: voteId } },
          body: body(),
        }),
      ),
    onSuccess: (data) => done(data, t({ zh: '草稿已保存', en: 'Draft saved' })),
    onError: (error) => message.error(problemText(error)),
  });
  const cast = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/votes/{id}/ballots/mine/cast', {
          params: { path: { tenantKey, id: voteId } },
          body: body(),
        }),
      ),
    onSuccess: (data) => done(data, t({ zh: '选票已投出', en: 'Ballot cast' })),
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <QueryState loading={ballot.isLoading} error={ballot.error}>
      {() => {
        const data = ballot.data as Ballot;
        const editable = data.voteStatus === 'open' && data.status === 'draft';
        const complete = data.candidates.every((c) => choices[c.applicationId]);
        return (
          <Card
            title={t({ zh: `${data.memberUnitName}的选票`, en: `Ballot of ${data.memberUnitName}` })}
            extra={<Link to={`/leading-group/${tenantKey}`}>{t({ zh: '返回', en: 'Back' })}</Link>}
          >
            <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{data.basis}</Descriptions.Item>
              <Descriptions.Item label={t({ zh: '投票状态', en: 'Vote' })}>
                <Tag color={VOTE_STATUS[data.voteStatus].color}>{t(VOTE_STATUS[data.voteStatus])}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '本单位选票', en: 'Our ballot' })}>
                <Tag color={BALLOT_STATUS[data.status].color}>{t(BALLOT_STATUS[data.status])}</Tag>
                {data.castAt ? formatInstant(data.castAt, t.language) : null}
              </Descriptions.Item>
            </Descriptions>
            {data.status === 'cast' ? (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                title={t({ zh: '本单位已投票，不能再修改。', en: 'Our ballot is cast and cannot change.' })}
                description={
                  data.voteStatus === 'tallied'
                    ? t({
                        zh: '已计票：为保密，选票内容已与本单位脱钩，只保留各候选对象的票数。',
                        en: 'Tallied: the choices are no longer linked to our unit; only counts remain.',
                      })
                    : undefined
                }
              />
            ) : null}
            <Table
              rowKey="applicationId"
              pagination={false}
              dataSource={data.candidates}
              columns={[
                { title: t({ zh: '序号', en: 'No.' }), dataIndex: 'position', width: 70, render: (p: number) => p + 1 },
                { title: t({ zh: '候选对象', en: 'Candidate' }), dataIndex: 'applicantName' },
                {
                  title: t({ zh: '本单位意见', en: 'Our choice' }),
                  key: 'choice',
                  render: (_: unknown, row) => (
                    <Radio.Group
                      disabled={!editable}
                      value={choices[row.applicationId]}
                      onChange={(e) => setChoices({ ...choices, [row.applicationId]: e.target.value as string })}
                      options={[
                        ...data.tiers.map((tier) => ({ value: tier.key, label: tier.name })),
                        { value: 'none', label: tierName(data.tiers, 'none') },
                      ]}
                    />
                  ),
                },
              ]}
            />
            {editable ? (
              <Space style={{ marginTop: 16 }}>
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  {t({ zh: '保存草稿', en: 'Save draft' })}
                </Button>
                <Popconfirm
                  title={t({ zh: '确认投出本单位选票？', en: 'Cast our ballot?' })}
                  description={t({
                    zh: '投出后不能修改，也不能再投。',
                    en: 'Once cast it cannot be changed or cast again.',
                  })}
                  okText={t({ zh: '确认投票', en: 'Cast' })}
                  cancelText={t({ zh: '取消', en: 'Cancel' })}
                  onConfirm={() => cast.mutate()}
                  disabled={!complete}
                >
                  <Button type="primary" disabled={!complete} loading={cast.isPending}>
                    {t({ zh: '投票', en: 'Cast ballot' })}
                  </Button>
                </Popconfirm>
                {complete ? null : (
                  <span style={{ color: '#8c8c8c' }}>
                    {t({ zh: '须对每个候选对象作出选择', en: 'Choose for every candidate' })}
                  </span>
                )}
              </Space>
            ) : null}
          </Card>
        );
      }}
    </QueryState>
  );
}
