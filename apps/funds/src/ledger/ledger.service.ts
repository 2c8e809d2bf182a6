import type { AccountKind } from '@laurel/contracts';
import { acting, Clock } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import { CHART_OF_ACCOUNTS, TRANSFER_CODES, type TransferCode } from './chart-of-accounts';
import { pendingAlreadyResolved, transferIdReused } from './ledger.errors';
import { type AccountRow, LedgerRepository, type TransferRow } from './ledger.repository';
import {
  applyTransfer,
  type BalanceRefusal,
  fen,
  firstDifference,
  TRANSFER_FIELDS,
  type TransferContent,
} from './ledger.rules';
import {
  type PendingTransferAction,
  type PendingTransferStatus,
  pendingTransferTransitionOf,
} from './pending-transfer.lifecycle';

/** A transfer asked for by a business event: its client-chosen id, what it is for and whom. */
export interface TransferRequest {
  readonly id: string;
  readonly budgetYear: number;
  readonly code: TransferCode;
  readonly amount: bigint;
  /** What the transfer accounts for (appropriation, entitlement or disbursement id). */
  readonly reference: string;
  readonly recipient?: { readonly id: string; readonly name: string };
  readonly phase: 'single' | 'pending';
}

export type TransferOutcome =
  | { readonly outcome: 'posted' | 'replayed'; readonly transfer: TransferRow }
  | { readonly outcome: 'refused'; readonly refusal: BalanceRefusal & { readonly kind: AccountKind } };

/**
 * The ledger, in the caller's transaction (so postings commit with the rows they account for): accounts locked in
 * id order, the balance rules of `ledger.rules` checked on the locked rows, the transfer inserted (never changed),
 * the balances written. A replay with the same id and content answers the original transfer and moves nothing; the
 * same id with other content is a 409 naming the field.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  async transfer(tx: FundsTx, request: TransferRequest): Promise<TransferOutcome> {
    const amount = fen(request.amount);
    const now = this.clock.now();
    const { debit: debitKind, credit: creditKind } = TRANSFER_CODES[request.code];
    const { debitId, creditId, accounts } = await this.lockedAccounts(tx, request, debitKind, creditKind, now);
    const content: TransferContent = {
      debitAccountId: debitId,
      creditAccountId: creditId,
      amount,
      code: request.code,
      phase: request.phase,
      pendingId: null,
      reference: request.reference,
    };
    const replay = await this.replayOf(tx, request.id, content);
    if (replay) return { outcome: 'replayed', transfer: replay };
    const debit = accounts.get(debitId) as AccountRow;
    const credit = accounts.get(creditId) as AccountRow;
    const applied = applyTransfer(debit, credit, amount, request.phase);
    if ('refusal' in applied) {
      const kind = applied.refusal.accountId === debitId ? debitKind : creditKind;
      return { outcome: 'refused', refusal: { ...applied.refusal, kind } };
    }
    return this.commit(tx, request.id, request.budgetYear, content, applied, now);
  }

  /** The state of a pending transfer: pending until a post or void transfer resolves it. */
  async pendingStatus(tx: FundsTx, pendingId: string): Promise<PendingTransferStatus> {
    const resolution = await this.ledger.resolutionOf(tx, pendingId);
    if (!resolution) return 'pending';
    return resolution.phase === 'post' ? 'posted' : 'voided';
  }

  /**
   * Posts (the treasury paid) or voids (it did not) a pending transfer with a new transfer of id `id`; the lifecycle
   * table allows one resolution. A replay of the same resolution answers it again.
   */
  async resolve(
    tx: FundsTx,
    request: { id: string; pendingId: string; action: PendingTransferAction; reference: string },
  ): Promise<TransferRow> {
    const now = this.clock.now();
    const pending = await this.ledger.findTransfer(tx, request.pendingId);
    if (pending?.phase !== 'pending') throw new Error(`no pending transfer ${request.pendingId}`);
    const accounts = await this.ledger.lockAccounts(tx, [pending.debitAccountId, pending.creditAccountId]);
    const content: TransferContent = {
      debitAccountId: pending.debitAccountId,
      creditAccountId: pending.creditAccountId,
      amount: pending.amount,
      code: pending.code,
      phase: request.action,
      pendingId: pending.id,
      reference: request.reference,
    };
    const replay = await this.replayOf(tx, request.id, content);
    if (replay) return replay;
    const status = await this.pendingStatus(tx, pending.id);
    if (!pendingTransferTransitionOf(request.action, status)) throw pendingAlreadyResolved(status);
    const debit = accounts.get(pending.debitAccountId) as AccountRow;
    const credit = accounts.get(pending.creditAccountId) as AccountRow;
    const applied = applyTransfer(debit, credit, pending.amount, request.action);
    if ('refusal' in applied) throw new Error('resolving a pending transfer never breaks a balance rule');
    const outcome = await this.commit(tx, request.id, pending.budgetYear, content, applied, now);
    return outcome.transfer;
  }

  private async commit(
    tx: FundsTx,
    id: string,
    budgetYear: number,
    content: TransferContent,
    applied: Exclude<ReturnType<typeof applyTransfer>, { refusal: unknown }>,
    now: Date,
  ): Promise<{ outcome: 'posted' | 'replayed'; transfer: TransferRow }> {
    const row = { id, budgetYear, ...content, actor: acting().label };
    if (!(await this.ledger.insertTransfer(tx, row, now))) {
      // Taken since the read: by a concurrent replay (then the same answer) or by another tenant.
      const replay = await this.replayOf(tx, id, content);
      if (replay) return { outcome: 'replayed', transfer: replay };
      throw transferIdReused('id');
    }
    await this.ledger.setBothBalances(
      tx,
      [content.debitAccountId, applied.debit],
      [content.creditAccountId, applied.credit],
    );
    return { outcome: 'posted', transfer: { ...row, createdAt: now } };
  }

  /** The recorded transfer when `id` is a replay of the same content; a 409 when it recorded something else. */
  private async replayOf(tx: FundsTx, id: string, content: TransferContent): Promise<TransferRow | null> {
    const recorded = await this.ledger.findTransfer(tx, id);
    if (!recorded) return null;
    const differs = firstDifference<TransferContent>(recorded, content, TRANSFER_FIELDS);
    if (differs) throw transferIdReused(differs);
    return recorded;
  }

  /**
   * The two accounts of a transfer, locked in id order (two transfers never deadlock): found in one query when both
   * exist, else created with their kind's flags first.
   */
  private async lockedAccounts(
    tx: FundsTx,
    request: TransferRequest,
    debitKind: AccountKind,
    creditKind: AccountKind,
    now: Date,
  ): Promise<{ debitId: string; creditId: string; accounts: Map<string, AccountRow> }> {
    const keyOf = (kind: AccountKind) => {
      const rule = CHART_OF_ACCOUNTS[kind];
      if (rule.perRecipient && !request.recipient) throw new Error(`${kind} is kept per recipient: none given`);
      return { kind, recipientId: rule.perRecipient ? (request.recipient?.id ?? '') : '' };
    };
    const debitKey = keyOf(debitKind);
    const creditKey = keyOf(creditKind);
    const found = await this.ledger.idsByKeys(tx, request.budgetYear, [debitKey, creditKey]);
    const pick = (key: { kind: AccountKind; recipientId: string }) =>
      found.find((a) => a.kind === key.kind && a.recipientId === key.recipientId);
    const debit = pick(debitKey);
    const credit = pick(creditKey);
    const debitId = debit?.id ?? (await this.account(tx, request, debitKind, now));
    const creditId = credit?.id ?? (await this.account(tx, request, creditKind, now));
    return { debitId, creditId, accounts: await this.ledger.lockAccounts(tx, [debitId, creditId]) };
  }

  private account(tx: FundsTx, request: TransferRequest, kind: AccountKind, now: Date): Promise<string> {
    const rule = CHART_OF_ACCOUNTS[kind];
    const recipient = rule.perRecipient ? request.recipient : undefined;
    if (rule.perRecipient && !recipient) throw new Error(`${kind} is kept per recipient: none given`);
    return this.ledger.ensureAccount(
      tx,
      {
        budgetYear: request.budgetYear,
        kind,
        recipientId: recipient?.id ?? '',
        recipientName: recipient?.name ?? null,
      },
      rule.flags,
      now,
    );
  }
}
