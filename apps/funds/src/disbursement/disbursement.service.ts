import {
  type DisbursementConfirmBody,
  type DisbursementFailBody,
  type DisbursementInitiateBody,
  type DisbursementPayload,
  type DisbursementStatus,
  type DisbursementView,
  DomainError,
  type EntitlementStatus,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { outstandingOf, toDisbursementView } from '../entitlement/entitlement.mapper';
import { EntitlementRepository } from '../entitlement/entitlement.repository';
import { entitlementNotFound } from '../entitlement/entitlement.service';
import type { FundsTx, PrismaClient } from '../funds-prisma';
import { fenNumber } from '../ledger/fen.util';
import { balanceRuleText, transferIdReused } from '../ledger/ledger.errors';
import { firstDifference } from '../ledger/ledger.rules';
import { Ledger } from '../ledger/ledger.service';
import {
  disbursementNotFound,
  disbursementWrongStatus,
  entitlementNotPayable,
  exceedsOutstanding,
} from './disbursement.errors';
import { type DisbursementAction, disbursementTransitionOf } from './disbursement.lifecycle';
import { DisbursementRepository, type DisbursementRow } from './disbursement.repository';

/**
 * Disbursement in instalments: initiated (a pending transfer from the recipient's payable to paid), then confirmed by
 * the treasury (posted) or failed (voided), each with who and when, history, an event and an audit entry, in the
 * transaction of its ledger transfer. Every step is keyed by a client-chosen transfer id: a replay answers the same.
 */
@Injectable()
export class DisbursementService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly disbursements: DisbursementRepository,
    private readonly entitlements: EntitlementRepository,
    private readonly ledger: Ledger,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async initiate(body: DisbursementInitiateBody & { entitlementId: string }): Promise<DisbursementView> {
    const row = await this.database.inTenant(async (tx) => {
      const recorded = await this.disbursements.find(tx, body.transferId);
      if (recorded) return replayOfInitiate(recorded, body);
      const entitlement = await this.entitlements.findLocked(tx, body.entitlementId);
      if (!entitlement) throw entitlementNotFound();
      if (entitlement.status !== 'obligated') throw entitlementNotPayable(entitlement.status as EntitlementStatus);
      const { outstanding } = outstandingOf(entitlement);
      if (BigInt(body.amountFen) > outstanding) throw exceedsOutstanding(outstanding, body.amountFen);
      const posted = await this.ledger.transfer(tx, {
        id: body.transferId,
        budgetYear: entitlement.budgetYear,
        code: 'disbursement',
        amount: BigInt(body.amountFen),
        reference: entitlement.id,
        recipient: { id: entitlement.applicantId, name: entitlement.applicantName },
        phase: 'pending',
      });
      if (posted.outcome === 'refused') {
        const { kind, limit, amount } = posted.refusal;
        throw new DomainError({ code: 'rule_violation', detail: balanceRuleText(kind, limit, amount) });
      }
      const now = this.clock.now();
      await this.disbursements.insert(tx, {
        id: body.transferId,
        entitlementId: entitlement.id,
        amountFen: BigInt(body.amountFen),
        voucher: body.voucher,
        status: 'pending',
        initiatedBy: acting().label,
        initiatedAt: now,
      });
      const created = (await this.disbursements.find(tx, body.transferId)) as DisbursementRow;
      await this.record(tx, created, 'initiate', null, 'pending', body.voucher);
      return created;
    });
    return toDisbursementView(row);
  }

  confirm(id: string, body: DisbursementConfirmBody): Promise<DisbursementView> {
    return this.resolve(id, body.transferId, 'confirm', body.treasuryReference);
  }

  fail(id: string, body: DisbursementFailBody): Promise<DisbursementView> {
    return this.resolve(id, body.transferId, 'fail', body.reason);
  }

  /** Confirm or fail: lock → a replay answers the same → lifecycle guard → post or void → record. */
  private async resolve(
    id: string,
    transferId: string,
    action: 'confirm' | 'fail',
    note: string,
  ): Promise<DisbursementView> {
    const row = await this.database.inTenant(async (tx) => {
      const locked = await this.disbursements.findLocked(tx, id);
      if (!locked) throw disbursementNotFound();
      const from = locked.status as DisbursementStatus;
      const transition = disbursementTransitionOf(action, from);
      if (locked.resolvingTransferId === transferId && transition === undefined) {
        return replayOfResolution(locked, action, note);
      }
      if (!transition || transition.ledger === 'pending') throw disbursementWrongStatus(from, action);
      await this.ledger.resolve(tx, { id: transferId, pendingId: locked.id, action: transition.ledger, reference: id });
      await this.disbursements.update(tx, id, {
        status: transition.to,
        resolvingTransferId: transferId,
        resolvedBy: acting().label,
        resolvedAt: this.clock.now(),
        ...(action === 'confirm' ? { treasuryReference: note } : { failureReason: note }),
      });
      const updated = (await this.disbursements.find(tx, id)) as DisbursementRow;
      await this.record(tx, updated, action, from, transition.to, note);
      return updated;
    });
    return toDisbursementView(row);
  }

  private async record(
    tx: FundsTx,
    row: DisbursementRow,
    action: DisbursementAction,
    from: DisbursementStatus | null,
    to: DisbursementStatus,
    note: string | null,
  ): Promise<void> {
    const transition = disbursementTransitionOf(action, from);
    if (!transition) return;
    const now = this.clock.now();
    const actor = acting().label;
    const payload: DisbursementPayload = {
      disbursementId: row.id,
      entitlementId: row.entitlementId,
      amountFen: fenNumber(row.amountFen),
      from,
      to,
      note,
      actor,
      at: now.toISOString(),
    };
    await this.disbursements.addHistory(tx, {
      disbursementId: row.id,
      action,
      fromStatus: from,
      toStatus: to,
      note,
      actor,
      at: now,
    });
    await this.outbox.add(tx, transition.event, payload);
    await this.audit.record(tx, {
      action: `disbursement.${action}`,
      targetType: 'disbursement',
      targetId: row.id,
      before: from ? { status: from } : null,
      after: { status: to, amountFen: payload.amountFen, entitlementId: row.entitlementId, note },
    });
  }
}

/** The same initiation sent again: the recorded one; other content under its transfer id: 409 naming the field. */
function replayOfInitiate(
  recorded: DisbursementRow,
  body: DisbursementInitiateBody & { entitlementId: string },
): DisbursementRow {
  const differs = firstDifference(
    { entitlementId: recorded.entitlementId, amountFen: fenNumber(recorded.amountFen), voucher: recorded.voucher },
    { entitlementId: body.entitlementId, amountFen: body.amountFen, voucher: body.voucher },
    ['entitlementId', 'amountFen', 'voucher'],
  );
  if (differs === 'entitlementId') throw transferIdReused('entitlementId');
  if (differs) throw transferIdReused(`body.${differs}`);
  return recorded;
}

/** The same confirmation or failure sent again: the recorded answer; otherwise 409 naming the field. */
function replayOfResolution(recorded: DisbursementRow, action: 'confirm' | 'fail', note: string): DisbursementRow {
  const expected = action === 'confirm' ? 'confirmed' : 'failed';
  if (recorded.status !== expected) throw transferIdReused('action');
  const recordedNote = action === 'confirm' ? recorded.treasuryReference : recorded.failureReason;
  if (recordedNote !== note) throw transferIdReused(action === 'confirm' ? 'body.treasuryReference' : 'body.reason');
  return recorded;
}
