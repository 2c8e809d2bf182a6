import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const voteStatusSchema = z.enum(['draft', 'open', 'tallied']);
export type VoteStatus = z.infer<typeof voteStatusSchema>;
export const ballotStatusSchema = z.enum(['draft', 'cast']);
export type BallotStatus = z.infer<typeof ballotStatusSchema>;

/** How zh text names a vote's and a ballot's state. */
export const voteStatusLabels: Readonly<Record<VoteStatus, string>> = {
  draft: '准备中',
  open: '投票中',
  tallied: '已计票',
};
export const ballotStatusLabels: Readonly<Record<BallotStatus, string>> = { draft: '未投出', cast: '已投出' };

const cycleNumber = z.number().int().positive().max(2_147_483_647);
const share = z.object({
  numerator: z.number().int().min(0).max(1000),
  denominator: z.number().int().min(1).max(1000),
});
const reason = z.string().trim().min(1).max(2000);

export const voteCreateBody = z.object({ cycleNumber }).strict();
export type VoteCreateBody = z.infer<typeof voteCreateBody>;

/** The office's recorded quorum and majority (the regulation names neither): who, when, why. */
export const voteRulesBody = z
  .object({
    quorum: share.strict().describe('The vote is valid when at least this share of the member units cast a ballot'),
    majority: share
      .extend({ strict: z.boolean().describe('true: more than the share (过半数); false: at least the share') })
      .strict()
      .describe('A tier needs this share of the ballots cast (ballots for a higher tier count toward a lower one)'),
    reason,
  })
  .strict();
export type VoteRulesBody = z.infer<typeof voteRulesBody>;

/**
 * The slate: the applications that reached the vote, in the order of the cycle's ranking (the composite's, or the last
 * scored stage's) — omit `applicationIds` to take it. The office's own list is the exception, recorded with the
 * reason (and the only way where the policy scores no stage).
 */
export const voteSlateBody = z
  .object({ applicationIds: z.array(z.uuid()).min(1).max(500).optional(), reason })
  .strict();
export type VoteSlateBody = z.infer<typeof voteSlateBody>;

const recorded = z.object({ reason: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string() });

export const voteCandidateSchema = z.object({
  applicationId: z.uuid(),
  position: z.number().int(),
  applicantName: z.string(),
  applicantKind: z.enum(['organisation', 'individual']),
});

export const voteTallySchema = z.object({
  electorate: z.number().int(),
  cast: z.number().int(),
  quorumNeeded: z.number().int(),
  quorumMet: z.boolean(),
  majorityThreshold: z.number(),
  /** Counts per candidate only: never which unit chose what. */
  candidates: z.array(
    z.object({
      applicationId: z.uuid(),
      counts: z.record(z.string(), z.number().int()),
      proposedTier: z.string().nullable(),
      /** Cast ballots without a line for this candidate: units recused from it, counted as not voting on it. */
      recused: z.number().int().optional(),
      /** Says how the recused units were counted, with the article; null when none was recused. */
      note: z.string().nullable().optional(),
    }),
  ),
  basis: z.string(),
  explanation: z.string(),
});
export type VoteTallyView = z.infer<typeof voteTallySchema>;

export const voteSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  status: voteStatusSchema,
  /** The article the vote comes from, e.g. `ili 第十六条`. */
  basis: z.string(),
  tiers: z.array(z.object({ key: z.string(), name: z.string() })),
  rules: recorded
    .extend({
      quorum: share,
      majority: share.extend({ strict: z.boolean() }),
    })
    .nullable(),
  slate: recorded
    .extend({
      candidates: z.array(voteCandidateSchema),
      /** `ranking`: the cycle's ranking (`basis` its article); `office_decision`: the office's list with the reason. */
      source: z.enum(['ranking', 'office_decision']),
      basis: z.string().nullable(),
    })
    .nullable(),
  /** Who may vote and whether each has cast (never what). Empty until the vote opens. */
  turnout: z.array(z.object({ memberUnitId: z.uuid(), name: z.string(), cast: z.boolean() })),
  openedAt: z.string().nullable(),
  openedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  tally: voteTallySchema.nullable(),
  createdAt: z.string(),
});
export type VoteView = z.infer<typeof voteSchema>;

export const voteCreate = defineCommand('reviews.vote.create', { request: voteCreateBody, response: voteSchema });
export const voteGet = defineQuery('reviews.vote.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: voteSchema,
});
export const voteList = defineQuery('reviews.vote.list', {
  request: z.object({ cycle: z.number().int().optional() }).strict(),
  response: z.object({ votes: z.array(voteSchema) }),
});
export const voteSetRules = defineCommand('reviews.vote.set-rules', {
  request: voteRulesBody.extend({ id: z.uuid() }).strict(),
  response: voteSchema,
});
export const voteSetSlate = defineCommand('reviews.vote.set-slate', {
  request: voteSlateBody.extend({ id: z.uuid() }).strict(),
  response: voteSchema,
});
/** Opens the vote: the rules and the slate must be recorded; one draft ballot per member unit. */
export const voteOpen = defineCommand('reviews.vote.open', {
  request: z.object({ id: z.uuid() }).strict(),
  response: voteSchema,
});
/** Closes the vote and tallies it at once under the recorded rules. */
export const voteClose = defineCommand('reviews.vote.close', {
  request: z.object({ id: z.uuid() }).strict(),
  response: voteSchema,
});

export const ballotChoicesBody = z
  .object({
    choices: z
      .array(z.object({ applicationId: z.uuid(), choice: z.string().trim().min(1).max(50) }).strict())
      .max(500)
      .describe('Per candidate a tier key of the policy (e.g. award, nomination) or `none`'),
  })
  .strict();
export type BallotChoicesBody = z.infer<typeof ballotChoicesBody>;

/** A member unit's own ballot, as only that unit reads it (and only until the tally). */
export const ballotSchema = z.object({
  id: z.uuid(),
  voteId: z.uuid(),
  memberUnitName: z.string(),
  status: ballotStatusSchema,
  voteStatus: voteStatusSchema,
  /** The candidates this unit votes on: the slate less those it is recused from. */
  candidates: z.array(voteCandidateSchema),
  /** Candidates of the slate the unit is recused from (a conflict flag, with its article): the ballot has no line. */
  recusedFrom: z.array(z.object({ applicationId: z.uuid(), conflictId: z.uuid(), basis: z.string() })),
  tiers: z.array(z.object({ key: z.string(), name: z.string() })),
  /** The unit's own choices; emptied at the tally (the record keeps counts, never who chose what). */
  choices: z.array(z.object({ applicationId: z.uuid(), choice: z.string() })),
  castAt: z.string().nullable(),
  basis: z.string(),
});
export type BallotView = z.infer<typeof ballotSchema>;

export const ballotGetMine = defineQuery('reviews.ballot.get-mine', {
  request: z.object({ voteId: z.uuid() }).strict(),
  response: ballotSchema,
});
export const ballotSaveMine = defineCommand('reviews.ballot.save-mine', {
  request: ballotChoicesBody.extend({ voteId: z.uuid() }).strict(),
  response: ballotSchema,
});
/** Casts the unit's ballot: every candidate must have a choice; once only. */
export const ballotCastMine = defineCommand('reviews.ballot.cast-mine', {
  request: ballotChoicesBody.extend({ voteId: z.uuid() }).strict(),
  response: ballotSchema,
});
