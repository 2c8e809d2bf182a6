import type { AccountKind } from '@laurel/contracts';
import { acting, Clock } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import { CHART_OF_ACCOUNTS, TRANSFER_CODES, type TransferCode } from './chart-of-accounts';
import { pendingAlreadyResolved, transferIdReused } from './ledger.errors';
import { LedgerRepository, type PostItem, type PostResult, type TransferRow } from './ledger.repository';
import { type BalanceRefusal, fen } from './ledger.rules';
import { type PendingTransferAction, type PendingTransferStatus } from './pending-transfer.lifecycle';

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

/** A transfer request with who asked for it and when (the transfer records both). */
export interface TransferEntry {
  readonly request: TransferRequest;
  readonly actor: string | null;
  readonly at: Date;
}

export type TransferOutcome =
  | { readonly outcome: 'posted' | 'replayed'; readonly transfer: TransferRow }
  | { readonly outcome: 'refused'; readonly refusal: BalanceRefusal & { readonly kind: AccountKind } };

/**
 * The ledger, in the caller's transaction (so postings commit with the rows they account for). Each call is one
 * statement (`ledger_post`, ADR 0034): the accounts locked in id order, the balance rules of `ledger.rules` checked on
 * the locked rows, the transfer inserted (never changed), the balances written — so a hot account's lock is held
 * from that statement to the commit, not across several round trips. A replay with the same id and content answers
 * the original transfer and moves nothing; the same id with other content is a 409 naming the field.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  async transfer(tx: FundsTx, request: TransferRequest): Promise<TransferOutcome> {
    const [result] = await this.transfers(tx, [request]);
    if (result instanceof Error) throw result;
    return result as TransferOutcome;
  }

  /**
   * Several transfers in one statement, applied in order: one answer per request — its outcome, or the 409 its id
   * earned (a DomainError, returned, not thrown: the others stand).
   */
  async transfers(tx: FundsTx, requests: readonly TransferRequest[]): Promise<(TransferOutcome | Error)[]> {
    const now = this.clock.now();
    const actor = acting().label;
    return this.transfersBy(
      tx,
      requests.map((request) => ({ request, actor, at: now })),
    );
  }

  /** As `transfers`, each request with its own actor and time (requests gathered from several callers). */
  async transfersBy(tx: FundsTx, entries: readonly TransferEntry[]): Promise<(TransferOutcome | Error)[]> {
    if (entries.length === 0) return [];
    const items: PostItem[] = [];
    const positions: number[] = [];
    const answers: (TransferOutcome | Error | null)[] = entries.map((entry, i) => {
      try {
        items.push(transferItem(entry.request, entry.actor, entry.at));
        positions.push(i);
        return null;
      } catch (error) {
        return error as Error; // a bad amount or a missing recipient: this request only
      }
    });
    const results = items.length > 0 ? await this.ledger.post(tx, items) : [];
    for (const result of results) {
      const i = positions[result.index] as number;
      answers[i] = outcomeOf(result, (entries[i] as TransferEntry).request);
    }
    return answers as (TransferOutcome | Error)[];
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
    const item: PostItem = {
      op: 'resolve',
      id: request.id,
      pending_id: request.pendingId,
      phase: request.action,
      reference: request.reference,
      actor: acting().label,
      at: this.clock.now(),
    };
    const [result] = await this.ledger.post(tx, [item]);
    if (!result) throw new Error('ledger_post answered nothing');
    if (result.outcome === 'no_pending') throw new Error(`no pending transfer ${request.pendingId}`);
    if (result.outcome === 'resolved_already') throw pendingAlreadyResolved(result.detail as PendingTransferStatus);
    if (result.outcome === 'differs') throw transferIdReused(result.detail ?? 'id');
    if (!result.transfer) throw new Error(`resolving ${request.pendingId}: ${result.outcome}`);
    return result.transfer;
  }
}

function transferItem(request: TransferRequest, actor: string | null, now: Date): PostItem {
  const amount = fen(request.amount);
  const { debit, credit } = TRANSFER_CODES[request.code];
  const side = (kind: AccountKind) => {
    const rule = CHART_OF_ACCOUNTS[kind];
    if (rule.perRecipient && !request.recipient) throw new Error(`${kind} is kept per recipient: none given`);
    return { recipient: rule.perRecipient ? (request.recipient?.id ?? '') : '', flags: rule.flags };
  };
  const d = side(debit);
  const c = side(credit);
  return {
    op: 'transfer',
    id: request.id,
    budget_year: request.budgetYear,
    code: request.code,
    phase: request.phase,
    amount,
    reference: request.reference,
    actor,
    at: now,
    debit_kind: debit,
    debit_recipient: d.recipient,
    debit_dmnec: d.flags.debitsMustNotExceedCredits,
    debit_cmned: d.flags.creditsMustNotExceedDebits,
    credit_kind: credit,
    credit_recipient: c.recipient,
    credit_dmnec: c.flags.debitsMustNotExceedCredits,
    credit_cmned: c.flags.creditsMustNotExceedDebits,
    recipient_name: request.recipient?.name ?? null,
  };
}

function outcomeOf(result: PostResult, request: TransferRequest): TransferOutcome | Error {
  if (result.outcome === 'differs') return transferIdReused(result.detail ?? 'id');
  if (result.outcome === 'refused') {
    const { debit, credit } = TRANSFER_CODES[request.code];
    return {
      outcome: 'refused',
      refusal: {
        reason: result.detail as BalanceRefusal['reason'],
        accountId: result.accountId as string,
        limit: result.limit as bigint,
        amount: request.amount,
        kind: result.detail === 'exceeds_credits' ? debit : credit,
      },
    };
  }
  if ((result.outcome === 'posted' || result.outcome === 'replayed') && result.transfer) {
    return { outcome: result.outcome, transfer: result.transfer };
  }
  return new Error(`transfer ${request.id}: ${result.outcome}`);
}
