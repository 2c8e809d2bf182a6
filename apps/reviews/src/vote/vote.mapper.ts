import type { BallotView, VoteTallyView, VoteView } from '@laurel/contracts';
import type { CyclePolicyView } from '../cycle/cycle-procedure.service';
import type { BallotRow, VoteRow } from './vote.repository';

type Names = Map<string, { applicantName: string; applicantKind: string }>;

export function candidatesOf(row: VoteRow, names: Names) {
  return row.candidates.map((c) => ({
    applicationId: c.applicationId,
    position: c.position,
    applicantName: names.get(c.applicationId)?.applicantName ?? '',
    applicantKind: (names.get(c.applicationId)?.applicantKind ?? 'organisation') as 'organisation' | 'individual',
  }));
}

/** A vote as the office reads it: who has cast (never what) until the tally, then the counts per candidate. */
export function toVoteView(row: VoteRow, names: Names, policy: CyclePolicyView): VoteView {
  const rulesRecorded = row.rulesDecidedAt && row.quorumNumerator !== null;
  return {
    id: row.id,
    cycleNumber: row.cycleNumber,
    status: row.status as VoteView['status'],
    basis: row.basis,
    tiers: policy.tiers,
    rules: rulesRecorded
      ? {
          quorum: { numerator: row.quorumNumerator ?? 0, denominator: row.quorumDenominator ?? 1 },
          majority: {
            numerator: row.majorityNumerator ?? 0,
            denominator: row.majorityDenominator ?? 1,
            strict: row.majorityStrict ?? true,
          },
          reason: row.rulesReason ?? '',
          decidedBy: row.rulesDecidedBy,
          decidedAt: row.rulesDecidedAt?.toISOString() ?? '',
        }
      : null,
    slate: row.slateDecidedAt
      ? {
          candidates: candidatesOf(row, names),
          source: (row.slateSource ?? 'office_decision') as 'ranking' | 'office_decision',
          basis: row.slateBasis,
          reason: row.slateReason ?? '',
          decidedBy: row.slateDecidedBy,
          decidedAt: row.slateDecidedAt.toISOString(),
        }
      : null,
    turnout: row.ballots.map((b) => ({
      memberUnitId: b.memberUnitId,
      name: b.memberUnit.name,
      cast: b.status === 'cast',
    })),
    openedAt: row.openedAt?.toISOString() ?? null,
    openedBy: row.openedBy,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    tally: (row.tally as VoteTallyView | null) ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toBallotView(
  ballot: BallotRow,
  vote: VoteRow,
  names: Names,
  policy: CyclePolicyView,
  choices: Record<string, string>,
  recusedFrom: BallotView['recusedFrom'],
): BallotView {
  const barred = new Set(recusedFrom.map((r) => r.applicationId));
  return {
    id: ballot.id,
    voteId: vote.id,
    memberUnitName: ballot.memberUnit.name,
    status: ballot.status as BallotView['status'],
    voteStatus: vote.status as BallotView['voteStatus'],
    candidates: candidatesOf(vote, names).filter((c) => !barred.has(c.applicationId)),
    recusedFrom,
    tiers: policy.tiers,
    choices: vote.candidates
      .filter((c) => choices[c.applicationId] !== undefined)
      .map((c) => ({ applicationId: c.applicationId, choice: choices[c.applicationId] as string })),
    castAt: ballot.castAt?.toISOString() ?? null,
    basis: vote.basis,
  };
}
