import type { BallotChoicesBody, BallotStatus, BallotView, VoteStatus } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, FieldCipher, Outbox } from '@laurel/platform';
import { NO_TIER } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { PartyRecusal } from '../conflict/party-recusal.service';
import { type CyclePolicyView, CycleProcedure } from '../cycle/cycle-procedure.service';
import { MemberUnitRepository } from '../member-unit/member-unit.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { ballotNotFound, ballotWrongStatus, invalidField, voteNotFound, voteWrongStatus } from './vote.errors';
import { type BallotAction, ballotTransitionOf } from './vote.lifecycle';
import { toBallotView } from './vote.mapper';
import { applicationsByIds, type BallotRow, VoteRepository, type VoteRow } from './vote.repository';

type Bars = { applicationId: string; conflictId: string; basis: string }[];

/**
 * A member unit's own ballot: only the unit reads it (its account; nobody else has a route to it), saves it as a
 * draft and casts it once while the vote is open. A cast ballot's choices go into the ballot box unlinked from the
 * unit; the unit's sealed copy is erased at the tally.
 */
@Injectable()
export class BallotService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly votes: VoteRepository,
    private readonly units: MemberUnitRepository,
    private readonly cycles: CycleProcedure,
    private readonly cipher: FieldCipher,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly recusal: PartyRecusal,
  ) {}

  async mine(voteId: string): Promise<BallotView> {
    const { vote, ballot } = await this.database.inTenant((tx) => this.own(tx, voteId));
    return this.view(vote, ballot);
  }

  save(voteId: string, body: BallotChoicesBody): Promise<BallotView> {
    return this.step(voteId, 'save', body);
  }

  cast(voteId: string, body: BallotChoicesBody): Promise<BallotView> {
    return this.step(voteId, 'cast', body);
  }

  private async step(voteId: string, action: Exclude<BallotAction, 'issue'>, body: BallotChoicesBody) {
    const row = await this.database.inTenant((tx) => this.votes.find(tx, voteId));
    if (!row) throw voteNotFound();
    const policy = await this.cycles.of(row.cycleNumber);
    const { vote, ballot } = await this.database.inTenant(async (tx) => {
      const locked = await this.votes.findLocked(tx, voteId);
      const own = await this.own(tx, voteId);
      if (!locked) throw voteNotFound();
      // Ballots are saved and cast only while the vote is open.
      if (locked.status !== 'open') throw voteWrongStatus(locked.status as VoteStatus, action);
      const transition = ballotTransitionOf(action, own.ballot.status as BallotStatus);
      if (!transition) throw ballotWrongStatus(own.ballot.status as BallotStatus, action);
      const bars = await this.bars(tx, own.ballot.memberUnitId, locked);
      const choices = this.check(locked, policy, body, action === 'cast', bars);
      const now = this.clock.now();
      await this.votes.updateBallot(tx, own.ballot.id, {
        status: transition.to,
        choicesCipher: this.cipher.encrypt(JSON.stringify(choices)),
        castAt: action === 'cast' ? now : null,
      });
      if (action === 'cast') {
        await this.votes.drop(tx, locked.id, choices);
        if (transition.event) {
          await this.outbox.add(tx, transition.event, {
            voteId: locked.id,
            cycleNumber: locked.cycleNumber,
            at: now.toISOString(),
          });
        }
        // Who cast and when, never what.
        await this.audit.record(tx, {
          action: 'ballot.cast',
          targetType: 'vote',
          targetId: locked.id,
          basis: locked.basis,
          before: { status: own.ballot.status },
          after: { status: transition.to, memberUnit: own.ballot.memberUnit.name },
        });
      }
      return this.own(tx, voteId);
    });
    return this.view(vote, ballot, policy);
  }

  /**
   * Every choice names a candidate of the slate the unit is not recused from and a tier of the policy (or none);
   * casting needs them all.
   */
  private check(vote: VoteRow, policy: CyclePolicyView, body: BallotChoicesBody, complete: boolean, bars: Bars) {
    const slate = new Set(vote.candidates.map((c) => c.applicationId));
    const barred = new Map(bars.map((b) => [b.applicationId, b]));
    const allowed = new Set([...policy.tiers.map((t) => t.key), NO_TIER]);
    const choices: Record<string, string> = {};
    body.choices.forEach((c, i) => {
      if (!slate.has(c.applicationId)) {
        throw invalidField(`body.choices.${i}.applicationId`, '不在本次投票的候选名单上', 'is not on the slate');
      }
      const bar = barred.get(c.applicationId);
      if (bar) {
        throw invalidField(
          `body.choices.${i}.applicationId`,
          `本单位对该候选对象应回避（${bar.basis}），选票上没有该项`,
          `is a candidate this unit is recused from (${bar.basis}); the ballot has no line for it`,
        );
      }
      if (choices[c.applicationId] !== undefined) {
        throw invalidField(`body.choices.${i}.applicationId`, '同一候选对象只能选择一次', 'is chosen twice');
      }
      if (!allowed.has(c.choice)) {
        throw invalidField(
          `body.choices.${i}.choice`,
          `须为 ${[...allowed].join('、')} 之一`,
          `must be one of ${[...allowed].join(', ')}`,
        );
      }
      choices[c.applicationId] = c.choice;
    });
    if (complete) {
      const missing = vote.candidates.findIndex(
        (c) => choices[c.applicationId] === undefined && !barred.has(c.applicationId),
      );
      if (missing >= 0) {
        throw invalidField('body.choices', '须对候选名单上的每一个对象作出选择', 'must choose for every candidate');
      }
    }
    return choices;
  }

  /** The vote and the caller's own ballot; 404 for anyone who is not a member unit with a ballot in it. */
  private async own(tx: ReviewsTx, voteId: string): Promise<{ vote: VoteRow; ballot: BallotRow }> {
    const who = acting();
    const unit = who.userId ? await this.units.ofUser(tx, who.userId) : null;
    const vote = await this.votes.find(tx, voteId);
    if (!vote) throw voteNotFound();
    const ballot = unit ? await this.votes.ballotOf(tx, voteId, unit.id) : null;
    if (!ballot) throw ballotNotFound();
    return { vote, ballot };
  }

  private async view(vote: VoteRow, ballot: BallotRow, known?: CyclePolicyView): Promise<BallotView> {
    const policy = known ?? (await this.cycles.of(vote.cycleNumber));
    const names = await this.database.inTenant((tx) =>
      applicationsByIds(
        tx,
        vote.candidates.map((c) => c.applicationId),
      ),
    );
    const choices = ballot.choicesCipher
      ? (JSON.parse(this.cipher.decrypt(ballot.choicesCipher)) as Record<string, string>)
      : {};
    const bars = await this.database.inTenant((tx) => this.bars(tx, ballot.memberUnitId, vote));
    return toBallotView(ballot, vote, names, policy, choices, bars);
  }

  /** The slate's candidates this unit is recused from (a flag in a hiding state): no line on its ballot. */
  private bars(tx: ReviewsTx, memberUnitId: string, vote: VoteRow): Promise<Bars> {
    return this.recusal.memberUnitBars(
      tx,
      memberUnitId,
      vote.candidates.map((c) => c.applicationId),
    );
  }
}
