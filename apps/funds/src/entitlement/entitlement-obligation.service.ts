import { randomUUID } from 'node:crypto';
import { type AwardDecisionPayload, type AwardWinner, type EntitlementPayload } from '@laurel/contracts';
import { AuditTrail, Clock, Outbox } from '@laurel/platform';
import { awardBudgetYear, formatFen, type Policy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import { balanceRuleText } from '../ledger/ledger.errors';
import { Ledger } from '../ledger/ledger.service';
import { AwardsGateway } from './awards.gateway';
import { entitlementTransitionOf } from './entitlement.lifecycle';
import { EntitlementRepository } from './entitlement.repository';
import { type EntitlementOutcome, entitlementOutcome } from './entitlement-outcome.util';

/**
 * An award decision's entitlements, in the consumer's transaction: for each winner the amount the pinned policy
 * gives, in the budget year it names, obligated on the ledger, or recorded with why not (a repeat grant barred by its
 * article, an appropriation that cannot cover it, no money, an amount left to the office). A winner already given an
 * entitlement for the cycle and tier is left as it is, so a decision sent again obligates nothing twice.
 */
@Injectable()
export class EntitlementObligation {
  constructor(
    private readonly entitlements: EntitlementRepository,
    private readonly ledger: Ledger,
    private readonly awards: AwardsGateway,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async fromDecision(tx: FundsTx, decision: AwardDecisionPayload): Promise<void> {
    const policy = await this.awards.policy(decision.policyVersion);
    const budget = awardBudgetYear(policy, decision.decidedOn);
    for (const winner of decision.winners) {
      const key = { cycleNumber: decision.cycleNumber, applicantId: winner.applicantId, tier: winner.tier };
      if (await this.entitlements.existing(tx, key)) continue;
      const previousWins = Math.max(winner.previousWins, await this.entitlements.earlierGrants(tx, key));
      await this.make(
        tx,
        decision,
        winner,
        policy,
        budget.budgetYear,
        entitlementOutcome(policy, winner, previousWins),
      );
    }
  }

  private async make(
    tx: FundsTx,
    decision: AwardDecisionPayload,
    winner: AwardWinner,
    policy: Policy,
    budgetYear: number,
    outcome: EntitlementOutcome,
  ): Promise<void> {
    const id = randomUUID();
    let { action, reason, basis } = outcome;
    let transferId: string | null = null;
    if (action === 'obligate' && outcome.fen !== null) {
      const posted = await this.ledger.transfer(tx, {
        id,
        budgetYear,
        code: 'entitlement_obligated',
        amount: BigInt(outcome.fen),
        reference: id,
        recipient: { id: winner.applicantId, name: winner.applicantName },
        phase: 'single',
      });
      if (posted.outcome === 'refused') {
        const { kind, limit, amount } = posted.refusal;
        const rule = balanceRuleText(kind, limit, amount);
        action = 'refuse';
        reason = {
          zh: `${budgetYear}年度${rule.zh}，未予列支（应得 ${formatFen(outcome.fen)} 元）`,
          en: `budget year ${budgetYear}: ${rule.en}; not obligated (CNY ${formatFen(outcome.fen)} due)`,
        };
        basis = awardBudgetYear(policy, decision.decidedOn).basis ?? basis;
      } else {
        transferId = posted.transfer.id;
      }
    }
    const transition = entitlementTransitionOf(action);
    const now = this.clock.now();
    await this.entitlements.insert(tx, {
      id,
      decisionId: decision.decisionId,
      cycleNumber: decision.cycleNumber,
      policyVersion: decision.policyVersion,
      budgetYear,
      applicantId: winner.applicantId,
      applicantKind: winner.applicantKind,
      applicantName: winner.applicantName,
      tier: winner.tier,
      form: outcome.form,
      amountFen: outcome.fen === null ? null : BigInt(outcome.fen),
      status: transition.to,
      basis,
      reasonZh: reason.zh,
      reasonEn: reason.en,
      transferId,
      createdAt: now,
      capFen: outcome.capFen === null ? null : BigInt(outcome.capFen),
    });
    const payload: EntitlementPayload = {
      entitlementId: id,
      decisionId: decision.decisionId,
      cycleNumber: decision.cycleNumber,
      budgetYear,
      applicantId: winner.applicantId,
      tier: winner.tier,
      amountFen: outcome.fen,
      status: transition.to,
      basis,
      reason,
      at: now.toISOString(),
    };
    await this.outbox.add(tx, transition.event, payload);
    await this.audit.record(tx, {
      action: `entitlement.${action}`,
      targetType: 'entitlement',
      targetId: id,
      basis,
      after: { ...payload, applicantName: winner.applicantName },
    });
  }
}
