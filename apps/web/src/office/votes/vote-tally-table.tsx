import { Alert, Table, Tag } from 'antd';
import { useT } from '../../i18n/language-context';
import { tierName, type Vote } from './vote-types';

/** The tally: counts per candidate only (never which unit chose what), the proposed tier and why. */
export function VoteTallyTable(props: { vote: Vote }) {
  const { vote } = props;
  const t = useT();
  const tally = vote.tally;
  if (!tally) return null;
  const names = new Map((vote.slate?.candidates ?? []).map((c) => [c.applicationId, c.applicantName]));
  return (
    <>
      <Alert
        type={tally.quorumMet ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={tally.explanation}
        description={`${t({ zh: '依据', en: 'Basis' })}：${tally.basis}`}
      />
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={tally.candidates}
        columns={[
          {
            title: t({ zh: '候选对象', en: 'Candidate' }),
            key: 'name',
            render: (_: unknown, c) => names.get(c.applicationId),
          },
          ...[...vote.tiers.map((tier) => tier.key), 'none'].map((key) => ({
            title: tierName(vote.tiers, key),
            key,
            render: (_: unknown, c: (typeof tally.candidates)[number]) => c.counts[key] ?? 0,
          })),
          {
            title: t({ zh: '投票结果', en: 'Result' }),
            key: 'result',
            render: (_: unknown, c) =>
              c.proposedTier ? <Tag color="red">{tierName(vote.tiers, c.proposedTier)}</Tag> : <Tag>不列入</Tag>,
          },
        ]}
      />
    </>
  );
}
