import {
  DomainError,
  type EntitlementAmountDecisionBody,
  type EntitlementPayload,
  type EntitlementStatus,
  type EntitlementView,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { type ApplicantKind, checkAwardAmount, formatFen, type TierKey } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../funds-prisma';
import { balanceRuleText } from '../ledger/ledger.errors';
import { Ledger } from '../ledger/ledger.service';
import { AwardsGateway } from './awards.gateway';
import { entitlementTransitionFrom } from './entitlement.lifecycle';
import { toEntitlementView } from './entitlement.mapper';
import { EntitlementRepository } from './entitlement.repository';
import { entitlementNotFound } from './entitlement.service';

/**
 * A body's decision on an amount the regulation leaves open (`amount_undecided`): a cap ("不超过N万元", checked with
 * `checkAwardAmount` against the policy version the award was decided under) or no amount. Recorded as the decision
 * says it — who, the document, why, in the reason and the audit trail — and obligated on the ledger in the
 * entitlement's budget year, in one transaction.
 */
@Injectable()
export class EntitlementAmountDecision {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly entitlements: EntitlementRepository,
    private readonly ledger: Ledger,
    private readonly awards: AwardsGateway,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async decide(body: EntitlementAmountDecisionBody & { id: string }): Promise<EntitlementView> {
    const found = await this.database.inTenant((tx) => this.entitlements.find(tx, body.id));
    if (!found) throw entitlementNotFound();
    const policy = await this.awards.policy(found.policyVersion);
    const row = await this.database.inTenant(async (tx) => {
      const entitlement = await this.entitlements.findLocked(tx, body.id);
      if (!entitlement) throw entitlementNotFound();
      const transition = entitlementTransitionFrom('decide-amount', entitlement.status as EntitlementStatus);
      if (!transition)
        throw DomainError.conflict({
          zh: `该奖补资金状态为${entitlement.status}，金额已定，不能再决定`,
          en: `the entitlement is ${entitlement.status}: its amount is not open to a decision`,
        });
      const input = {
        tier: entitlement.tier as TierKey,
        applicantKind: entitlement.applicantKind as ApplicantKind,
        previousWins: 0,
      };
      const check = checkAwardAmount(policy, input, body.amountFen);
      if (!check.ok)
        throw new DomainError({
          code: 'rule_violation',
          detail: { zh: '决定的金额不符合办法', en: 'The decided amount does not fit the regulation' },
          fields: [
            {
              field: 'body.amountFen',
              reason: {
                zh: `${check.reason.zh}${check.basis ? `（${policy.key} ${check.basis}）` : ''}`,
                en: `${check.reason.en}${check.basis ? ` (${policy.key} ${check.basis})` : ''}`,
              },
            },
          ],
        });
      let transferId: string | null = null;
      if (body.amountFen > 0) {
        const posted = await this.ledger.transfer(tx, {
          id: entitlement.id,
          budgetYear: entitlement.budgetYear,
          code: 'entitlement_obligated',
          amount: BigInt(body.amountFen),
          reference: entitlement.id,
          recipient: { id: entitlement.applicantId, name: entitlement.applicantName },
          phase: 'single',
        });
        if (posted.outcome === 'refused') {
          const { kind, limit, amount } = posted.refusal;
          const rule = balanceRuleText(kind, limit, amount);
          throw DomainError.conflict({
            zh: `${entitlement.budgetYear}年度${rule.zh}，未予列支`,
            en: `budget year ${entitlement.budgetYear}: ${rule.en}; not obligated`,
          });
        }
        transferId = posted.transfer.id;
      }
      const reason = {
        zh: `${body.decidedBy}（${body.document}）决定：${formatFen(body.amountFen)}元；${check.reason.zh}；理由：${body.reason}`,
        en: `${body.decidedBy} (${body.document}) decided CNY ${formatFen(body.amountFen)}; ${check.reason.en}; reason: ${body.reason}`,
      };
      const now = this.clock.now();
      await this.entitlements.decideAmount(tx, entitlement.id, {
        amountFen: BigInt(body.amountFen),
        status: transition.to,
        transferId,
        reasonZh: reason.zh,
        reasonEn: reason.en,
        basis: check.basis ?? entitlement.basis,
        amountDecidedBy: body.decidedBy,
        amountDocument: body.document,
        amountDecisionReason: body.reason,
        amountRecordedBy: acting().label,
        amountRecordedAt: now,
      });
      const payload: EntitlementPayload = {
        entitlementId: entitlement.id,
        decisionId: entitlement.decisionId,
        cycleNumber: entitlement.cycleNumber,
        budgetYear: entitlement.budgetYear,
        applicantId: entitlement.applicantId,
        tier: entitlement.tier as TierKey,
        amountFen: body.amountFen,
        status: transition.to,
        basis: check.basis ?? entitlement.basis,
        reason,
        at: now.toISOString(),
      };
      await this.outbox.add(tx, transition.event, payload);
      await this.audit.record(tx, {
        action: 'entitlement.decide-amount',
        targetType: 'entitlement',
        targetId: entitlement.id,
        basis: check.basis ?? entitlement.basis,
        before: { status: entitlement.status, amountFen: null },
        after: { ...payload, decidedBy: body.decidedBy, document: body.document, recordedBy: acting().label },
      });
      return this.entitlements.find(tx, entitlement.id);
    });
    if (!row) throw entitlementNotFound();
    return toEntitlementView(row);
  }
}
