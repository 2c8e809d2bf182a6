/**
 * The member units' vote (ili 第十六条: 领导小组成员单位投票产生质量奖和质量奖提名奖候选获奖名单). The article names who
 * votes and what the vote produces; it names no quorum, no majority and no counting method. Those are the office's
 * recorded decision (who, when, why), taken before the vote opens; the tally applies them and cites both (the article
 * from the policy's `vote` stage).
 */
/** A share of a whole: `numerator / denominator` (e.g. 2/3 of the member units, 1/2 of the ballots cast). */
export interface Share {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The office's recorded rules of one vote.
 * - quorum: the vote is valid when at least this share of the member units cast a ballot;
 * - majority: a candidate is proposed for a tier when the ballots choosing that tier or a higher one reach this share
 *   of the ballots cast — more than it when `strict` (过半数), at least it otherwise (三分之二以上 read as "at least").
 */
export interface VoteRules {
  readonly quorum: Share;
  readonly majority: Share & { readonly strict: boolean };
}

/** What a ballot may choose for a candidate: a tier of the policy (highest first), or none. */
export const NO_TIER = 'none' as const;
