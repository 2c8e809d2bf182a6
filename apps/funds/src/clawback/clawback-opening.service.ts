import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@laurel/calendar';
import type { ClawbackRequestPayload } from '@laurel/contracts';
import { Clock } from '@laurel/platform';
import { formatFen } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { EntitlementRepository } from '../entitlement/entitlement.repository';
import type { FundsTx } from '../funds-prisma';
import { balanceRuleText } from '../ledger/ledger.errors';
import { Ledger } from '../ledger/ledger.service';
import { clawbackTransitionOf } from './clawback-case.lifecycle';
import { ClawbackCaseRecorder } from './clawback-case.recorder';
import { ClawbackCaseRepository } from './clawback-case.repository';
import { checkClawbackWindow } from './clawback-window.util';

type Reason = { zh: string; en: string };

/**
 * open-clawback-when-requested: a revocation whose consequence is a clawback (追缴) opens a case for what was paid
 * under the title (confirmed disbursements of its entitlement, on the ledger), booked as a receivable from the
 * recipient in the same transaction; outside the policy's window, or with nothing paid, the case is recorded as not
 * opened with why. One case per revocation: a replayed request opens nothing twice.
 */
@Injectable()
export class ClawbackOpening {
  constructor(
    private readonly cases: ClawbackCaseRepository,
    private readonly entitlements: EntitlementRepository,
    private readonly ledger: Ledger,
    private readonly recorder: ClawbackCaseRecorder,
    private readonly clock: Clock,
  ) {}

  async fromRequest(tx: FundsTx, request: ClawbackRequestPayload): Promise<void> {
    if (await this.cases.byRevocation(tx, request.revocationId)) return;
    const key = {
      cycleNumber: request.cycleNumber,
      applicantId: request.applicantId,
      tier: request.tier,
    };
    const existing = await this.entitlements.existing(tx, key);
    const entitlement = existing ? await this.entitlements.findLocked(tx, existing.id) : null;
    const confirmed = (entitlement?.disbursements ?? []).filter((d) => d.status === 'confirmed');
    const paid = confirmed.reduce((sum, d) => sum + d.amountFen, 0n);
    const firstPaid = confirmed.map((d) => d.resolvedAt as Date).sort((a, b) => a.getTime() - b.getTime())[0];
    const window = checkClawbackWindow(request.window, {
      awardedOn: request.awardedOn,
      firstPaidOn: firstPaid ? shanghaiDateOf(firstPaid) : null,
      eventOn: request.eventOn,
    });
    const id = randomUUID();
    let reason: Reason;
    let opens = false;
    if (!window.within) {
      reason = {
        zh: `撤销事由发生于 ${request.eventOn}，已超出追缴期限（自 ${window.start} 起 ${request.window?.months} 个月，至 ${window.lastDay}）：不立案（${request.consequenceBasis}）`,
        en: `the ground occurred on ${request.eventOn}, after the clawback window (${request.window?.months} months from ${window.start}, last day ${window.lastDay}): no case (${request.consequenceBasis})`,
      };
    } else if (!entitlement || paid === 0n) {
      reason = {
        zh: '该称号项下尚无已确认的拨付：无可追缴金额，不立案',
        en: 'nothing confirmed as paid under this title: nothing to claw back, no case',
      };
    } else {
      opens = true;
      reason = {
        zh: `依据${request.consequenceBasis}追缴该称号项下已拨付的 ${formatFen(Number(paid))} 元`,
        en: `${request.consequenceBasis}: recover the ${formatFen(Number(paid))} yuan paid under the title`,
      };
    }
    const inserted = await this.cases.insert(tx, {
      id,
      revocationId: request.revocationId,
      titleId: request.titleId,
      cycleNumber: request.cycleNumber,
      applicantId: request.applicantId,
      applicantName: request.applicantName,
      tier: request.tier,
      entitlementId: entitlement?.id ?? null,
      budgetYear: entitlement?.budgetYear ?? null,
      revokedOn: request.revokedOn,
      awardedOn: request.awardedOn,
      basis: request.consequenceBasis,
      windowMonths: request.window?.months ?? null,
      windowFrom: request.window?.from ?? null,
      status: opens ? 'opened' : 'not_opened',
      reasonZh: reason.zh,
      reasonEn: reason.en,
      amountFen: opens ? paid : 0n,
      demandTransferId: opens ? id : null,
      createdAt: this.clock.now(),
    });
    if (!inserted) return;
    if (opens && entitlement) {
      const booked = await this.ledger.transfer(tx, {
        id,
        budgetYear: entitlement.budgetYear,
        code: 'clawback_demanded',
        amount: paid,
        reference: id,
        recipient: {
          id: entitlement.applicantId,
          name: entitlement.applicantName,
        },
        phase: 'single',
      });
      if (booked.outcome === 'refused') {
        const { kind, limit, amount } = booked.refusal;
        throw new Error(`clawback of ${amount} refused: ${balanceRuleText(kind, limit, amount).en}`);
      }
    }
    const action = opens ? 'open' : 'decline';
    const transition = clawbackTransitionOf(action, null);
    if (!transition) throw new Error(`no lifecycle row for ${action}`);
    await this.recorder.record(
      tx,
      {
        id,
        revocationId: request.revocationId,
        applicantId: request.applicantId,
      },
      {
        action,
        transition,
        from: null,
        amount: opens ? paid : null,
        transferId: opens ? id : null,
        note: reason.zh,
        basis: request.consequenceBasis,
      },
    );
  }
}
