import { shanghaiDateOf } from '@laurel/calendar';
import type { VoteCreateBody, VoteRulesBody, VoteSlateBody, VoteView } from '@laurel/contracts';
import { acting, Clock, Database } from '@laurel/platform';
import { type TallyResult, tallyVote } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { PartyRecusal } from '../conflict/party-recusal.service';
import { type CyclePolicyView, CycleProcedure, stageOf } from '../cycle/cycle-procedure.service';
import { MemberUnitRepository } from '../member-unit/member-unit.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { onUniqueViolation } from '../unique-violation.util';
import { SlateSource } from './slate-source.service';
import { invalidField, notReadyToOpen, noVoteStage, voteExists, voteNotFound } from './vote.errors';
import { toVoteView } from './vote.mapper';
import { applicationsByIds, VoteRepository, type VoteRow } from './vote.repository';
import { VoteTransitions } from './vote-transitions.service';

/** The office's side of a vote (ili 第十六条): create, record rules and slate, open, close and tally, read. */
@Injectable()
export class VoteService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly votes: VoteRepository,
    private readonly transitions: VoteTransitions,
    private readonly slates: SlateSource,
    private readonly units: MemberUnitRepository,
    private readonly cycles: CycleProcedure,
    private readonly clock: Clock,
    private readonly recusal: PartyRecusal,
  ) {}

  async create(body: VoteCreateBody): Promise<VoteView> {
    const stage = stageOf(await this.cycles.of(body.cycleNumber), 'vote');
    if (!stage) throw noVoteStage();
    const create = () =>
      this.database.inTenant(async (tx) => {
        if (await this.votes.ofCycle(tx, body.cycleNumber)) throw voteExists(body.cycleNumber);
        return this.transitions.create(tx, body.cycleNumber, stage.basis);
      });
    // Lost a first-write race: the second run finds the row and answers as the check above does.
    const id = await onUniqueViolation(create, create);
    return this.get(id);
  }

  async get(id: string): Promise<VoteView> {
    const row = await this.database.inTenant((tx) => this.votes.find(tx, id));
    if (!row) throw voteNotFound();
    return this.view(row);
  }

  async list(cycle?: number): Promise<{ votes: VoteView[] }> {
    const rows = await this.database.inTenant((tx) => this.votes.list(tx, cycle));
    return { votes: await Promise.all(rows.map((row) => this.view(row))) };
  }

  /** The quorum and majority, a decision the regulation leaves to the office: recorded with who, when, why. */
  async setRules(id: string, body: VoteRulesBody): Promise<VoteView> {
    if (body.quorum.numerator > body.quorum.denominator) {
      throw invalidField('body.quorum.numerator', '不得大于分母', 'must not exceed the denominator');
    }
    if (body.majority.numerator > body.majority.denominator) {
      throw invalidField('body.majority.numerator', '不得大于分母', 'must not exceed the denominator');
    }
    if (body.majority.numerator * 2 < body.majority.denominator) {
      throw invalidField('body.majority', '不得少于所投票数的一半', 'must be at least half of the ballots cast');
    }
    await this.locked(id, (tx, row) =>
      this.transitions.apply(
        tx,
        row,
        'configure',
        {
          quorumNumerator: body.quorum.numerator,
          quorumDenominator: body.quorum.denominator,
          majorityNumerator: body.majority.numerator,
          majorityDenominator: body.majority.denominator,
          majorityStrict: body.majority.strict,
          rulesReason: body.reason,
          rulesDecidedBy: acting().label,
          rulesDecidedAt: this.clock.now(),
        },
        { rules: { quorum: body.quorum, majority: body.majority }, reason: body.reason },
      ),
    );
    return this.get(id);
  }

  /** The slate, from `SlateSource`: the cycle's ranking, or the office's list; with a reason. */
  async setSlate(id: string, body: VoteSlateBody): Promise<VoteView> {
    await this.locked(id, async (tx, row) => {
      this.transitions.guard(row, 'configure');
      const slate = await this.slates.candidates(tx, row.cycleNumber, body.applicationIds);
      const candidates = [...slate.applicationIds];
      await this.votes.replaceSlate(tx, row.id, candidates);
      await this.transitions.apply(
        tx,
        row,
        'configure',
        {
          slateSource: slate.source,
          slateBasis: slate.basis,
          slateReason: body.reason,
          slateDecidedBy: acting().label,
          slateDecidedAt: this.clock.now(),
        },
        { slate: candidates, source: slate.source, basis: slate.basis, reason: body.reason },
      );
    });
    return this.get(id);
  }

  /** Opens the vote: rules, slate and member units must exist; each unit gets one draft ballot. */
  async open(id: string): Promise<VoteView> {
    await this.locked(id, async (tx, row) => {
      this.transitions.guard(row, 'open');
      const units = await this.units.all(tx);
      const missing = [
        ...(row.rulesDecidedAt ? [] : ['rules']),
        ...(row.slateDecidedAt && row.candidates.length > 0 ? [] : ['slate']),
        ...(units.length > 0 ? [] : ['member units']),
      ];
      if (missing.length > 0) throw notReadyToOpen(missing);
      await this.votes.issueBallots(
        tx,
        row.id,
        units.map((u) => u.id),
      );
      await this.transitions.apply(
        tx,
        row,
        'open',
        { openedAt: this.clock.now(), openedBy: acting().label },
        { electorate: units.map((u) => u.name) },
      );
    });
    return this.get(id);
  }

  /** Closes and tallies under the recorded rules; the units' sealed copies of their choices are erased. */
  async close(id: string): Promise<VoteView> {
    const row = await this.database.inTenant((tx) => this.votes.find(tx, id));
    if (!row) throw voteNotFound();
    const policy = await this.cycles.of(row.cycleNumber);
    const recusalBasis = await this.recusal.basis();
    await this.locked(id, async (tx, locked) => {
      this.transitions.guard(locked, 'close');
      const tally = this.tally(locked, policy, await this.votes.box(tx, locked.id), recusalBasis);
      await this.votes.eraseChoices(tx, locked.id);
      await this.transitions.apply(
        tx,
        locked,
        'close',
        { closedAt: this.clock.now(), closedBy: acting().label, tally: toJson(tally) },
        { cast: tally.cast, electorate: tally.electorate, quorumMet: tally.quorumMet, basis: tally.basis },
      );
    });
    return this.get(id);
  }

  private tally(
    row: VoteRow,
    policy: CyclePolicyView,
    ballots: Record<string, string>[],
    recusalBasis: string,
  ): TallyResult {
    const decidedAt = row.rulesDecidedAt ? shanghaiDateOf(row.rulesDecidedAt) : '';
    return tallyVote({
      candidates: row.candidates.map((c) => c.applicationId),
      tiers: policy.tiers.map((t) => t.key),
      electorate: row.ballots.length,
      ballots,
      // Cast ballots lack a line only where the unit was recused (a cast needs every other line).
      recusalBasis,
      rules: {
        quorum: { numerator: row.quorumNumerator ?? 1, denominator: row.quorumDenominator ?? 1 },
        majority: {
          numerator: row.majorityNumerator ?? 1,
          denominator: row.majorityDenominator ?? 2,
          strict: row.majorityStrict ?? true,
        },
      },
      basis: row.basis,
      decision: `法定人数与多数规则：办公室决定（${row.rulesDecidedBy ?? '—'}，${decidedAt}：${row.rulesReason ?? ''}）`,
    });
  }

  private async locked(id: string, work: (tx: ReviewsTx, row: VoteRow) => Promise<void>): Promise<void> {
    await this.database.inTenant(async (tx) => {
      const row = await this.votes.findLocked(tx, id);
      if (!row) throw voteNotFound();
      await work(tx, row);
    });
  }

  private async view(row: VoteRow): Promise<VoteView> {
    const [policy, names] = await Promise.all([
      this.cycles.of(row.cycleNumber),
      this.database.inTenant((tx) =>
        applicationsByIds(
          tx,
          row.candidates.map((c) => c.applicationId),
        ),
      ),
    ]);
    return toVoteView(row, names, policy);
  }
}

/** The tally as stored (counts per candidate only). */
const toJson = (tally: TallyResult) => ({
  electorate: tally.electorate,
  cast: tally.cast,
  quorumNeeded: tally.quorumNeeded,
  quorumMet: tally.quorumMet,
  majorityThreshold: tally.majorityThreshold,
  candidates: tally.candidates.map((c) => ({
    applicationId: c.applicationId,
    counts: { ...c.counts },
    recused: c.recused,
    note: c.note,
    proposedTier: c.proposedTier,
  })),
  basis: tally.basis,
  explanation: tally.explanation,
});
