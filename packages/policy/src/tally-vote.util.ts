import { NO_TIER, type Share, type VoteRules } from './vote-tally.rules';

export interface TallyInput {
  /** The slate, in its order (the composite ranking's). */
  readonly candidates: readonly string[];
  /** The policy's tiers, highest first (e.g. award, nomination). */
  readonly tiers: readonly string[];
  /** How many member units could vote (the electorate at opening). */
  readonly electorate: number;
  /**
   * Each cast ballot: per candidate a tier key or `none`. A candidate a ballot leaves out counts as `none`, unless
   * `recusalBasis` is given: then the ballot's unit was recused from it and is counted as not voting on it.
   */
  readonly ballots: readonly Readonly<Record<string, string>>[];
  /** The article a member unit's recusal comes from (e.g. `ili 第三十一条`); see `ballots`. */
  readonly recusalBasis?: string;
  readonly rules: VoteRules;
  /** The article the vote comes from (e.g. `ili 第十六条`) and the office's decision on the rules. */
  readonly basis: string;
  readonly decision: string;
}

export interface CandidateTally {
  readonly applicationId: string;
  /** Ballots per choice: every tier and `none`. */
  readonly counts: Readonly<Record<string, number>>;
  /** The highest tier whose support (that tier or a higher one) reaches the majority; null for none. */
  readonly proposedTier: string | null;
  readonly support: number;
  /** Cast ballots without this candidate's line (recused units): the majority is of the others. */
  readonly recused: number;
  /** How the recused units were counted, with the article; null when none was. */
  readonly note: string | null;
}

export interface TallyResult {
  readonly electorate: number;
  readonly cast: number;
  readonly quorumNeeded: number;
  readonly quorumMet: boolean;
  /** Ballots a tier needs (or needs to exceed, when the majority is strict). */
  readonly majorityThreshold: number;
  readonly candidates: readonly CandidateTally[];
  /** Why: the article and the recorded decision, with the figures. */
  readonly basis: string;
  readonly explanation: string;
}

/** The smallest whole count that is at least `share` of `whole`. */
const atLeast = (share: Share, whole: number) => Math.ceil((whole * share.numerator) / share.denominator - 1e-9);

/** Counts the cast ballots (no ballot names its unit) and applies the recorded quorum and majority. */
export function tallyVote(input: TallyInput): TallyResult {
  const { rules, tiers } = input;
  const cast = input.ballots.length;
  const quorumNeeded = atLeast(rules.quorum, input.electorate);
  const quorumMet = cast >= quorumNeeded && cast > 0;
  const shareOf = (voting: number) => (voting * rules.majority.numerator) / rules.majority.denominator;
  const exact = shareOf(cast);
  const reaches = (votes: number, threshold: number) =>
    rules.majority.strict ? votes > threshold + 1e-9 : votes >= threshold - 1e-9;
  const candidates = input.candidates.map((applicationId) => {
    const counts: Record<string, number> = Object.fromEntries([...tiers, NO_TIER].map((t) => [t, 0]));
    let recused = 0;
    for (const ballot of input.ballots) {
      const choice = ballot[applicationId];
      if (choice === undefined && input.recusalBasis) {
        recused += 1;
        continue;
      }
      const key = choice !== undefined && choice in counts ? choice : NO_TIER;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const threshold = shareOf(cast - recused);
    let support = 0;
    let proposedTier: string | null = null;
    for (const tier of tiers) {
      support += counts[tier] ?? 0;
      if (quorumMet && cast - recused > 0 && reaches(support, threshold)) {
        proposedTier = tier;
        break;
      }
    }
    const note = recused
      ? `${recused} 个成员单位回避（${input.recusalBasis}），不参加对该候选对象的表决；多数以其余 ${cast - recused} 票计（${threshold.toFixed(2)} 票）`
      : null;
    return { applicationId, counts, proposedTier, support: proposedTier ? support : 0, recused, note };
  });
  const majorityWords = `${rules.majority.strict ? '超过' : '不少于'}所投票数的 ${rules.majority.numerator}/${rules.majority.denominator}`;
  const explanation = quorumMet
    ? `${cast}/${input.electorate} 个成员单位投票，达到法定人数（${quorumNeeded}）；某一奖项得票（含更高奖项）${majorityWords}（${exact.toFixed(2)} 票）方列入候选获奖名单`
    : `${cast}/${input.electorate} 个成员单位投票，未达到法定人数（${quorumNeeded}）：投票无效，无人列入候选获奖名单`;
  return {
    electorate: input.electorate,
    cast,
    quorumNeeded,
    quorumMet,
    majorityThreshold: exact,
    candidates,
    basis: `${input.basis}; ${input.decision}`,
    explanation,
  };
}
