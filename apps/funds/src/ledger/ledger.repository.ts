import type { AccountKind } from '@laurel/contracts';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { LedgerAccountState, Phase } from './ledger.rules';

export interface AccountRow extends LedgerAccountState {
  readonly budgetYear: number;
  readonly kind: AccountKind;
  /** '' for the tenant's own accounts. */
  readonly recipientId: string;
  readonly recipientName: string | null;
}

export interface TransferRow {
  readonly id: string;
  readonly budgetYear: number;
  readonly debitAccountId: string;
  readonly creditAccountId: string;
  readonly amount: bigint;
  readonly code: string;
  readonly phase: Phase;
  readonly pendingId: string | null;
  readonly reference: string;
  readonly actor: string | null;
  readonly createdAt: Date;
}

interface RawAccount {
  id: string;
  budget_year: number;
  kind: AccountKind;
  recipient_id: string;
  recipient_name: string | null;
  debits_must_not_exceed_credits: boolean;
  credits_must_not_exceed_debits: boolean;
  debits_pending: bigint;
  debits_posted: bigint;
  credits_pending: bigint;
  credits_posted: bigint;
}

interface RawTransfer {
  id: string;
  budget_year: number;
  debit_account_id: string;
  credit_account_id: string;
  amount: bigint;
  code: string;
  phase: Phase;
  pending_id: string | null;
  reference: string;
  actor: string | null;
  created_at: Date;
}

/** One item of a `ledger_post` batch: a single or pending transfer between two accounts by key, or a resolution. */
export type PostItem =
  | {
      readonly op: 'transfer';
      readonly id: string;
      readonly budget_year: number;
      readonly code: string;
      readonly phase: 'single' | 'pending';
      readonly amount: bigint;
      readonly reference: string;
      readonly actor: string | null;
      readonly at: Date;
      readonly debit_kind: AccountKind;
      readonly debit_recipient: string;
      readonly debit_dmnec: boolean;
      readonly debit_cmned: boolean;
      readonly credit_kind: AccountKind;
      readonly credit_recipient: string;
      readonly credit_dmnec: boolean;
      readonly credit_cmned: boolean;
      readonly recipient_name: string | null;
    }
  | {
      readonly op: 'resolve';
      readonly id: string;
      readonly pending_id: string;
      readonly phase: 'post' | 'void';
      readonly reference: string;
      readonly actor: string | null;
      readonly at: Date;
    };

/**
 * What `ledger_post` did with one item: `posted` or `replayed` (with the transfer), `refused` (the account whose rule
 * it would break, `detail` the reason, `limit` what it still allows), `differs` (`detail`: the first field that
 * differs from what the id recorded, or `id` when another tenant holds it), `no_pending` (no pending transfer of that
 * id), `resolved_already` (`detail`: posted or voided).
 */
export interface PostResult {
  readonly index: number;
  readonly outcome: 'posted' | 'replayed' | 'refused' | 'differs' | 'no_pending' | 'resolved_already';
  readonly detail: string | null;
  readonly accountId: string | null;
  readonly limit: bigint | null;
  readonly transfer: TransferRow | null;
}

interface RawPostResult {
  r_i: number;
  r_outcome: PostResult['outcome'];
  r_detail: string | null;
  r_account_id: string | null;
  r_limit: bigint | null;
  r_id: string | null;
  r_budget_year: number | null;
  r_debit_account_id: string | null;
  r_credit_account_id: string | null;
  r_amount: bigint | null;
  r_code: string | null;
  r_phase: string | null;
  r_pending_id: string | null;
  r_reference: string | null;
  r_actor: string | null;
  r_created_at: Date | null;
}

const ACCOUNT_COLUMNS = `id::text, budget_year, kind, recipient_id, recipient_name, debits_must_not_exceed_credits,
  credits_must_not_exceed_debits, debits_pending, debits_posted, credits_pending, credits_posted`;
const TRANSFER_COLUMNS = `id::text, budget_year, debit_account_id::text, credit_account_id::text, amount, code, phase,
  pending_id::text, reference, actor, created_at`;

const toAccount = (r: RawAccount): AccountRow => ({
  id: r.id,
  budgetYear: r.budget_year,
  kind: r.kind,
  recipientId: r.recipient_id,
  recipientName: r.recipient_name,
  flags: {
    debitsMustNotExceedCredits: r.debits_must_not_exceed_credits,
    creditsMustNotExceedDebits: r.credits_must_not_exceed_debits,
  },
  debitsPending: BigInt(r.debits_pending),
  debitsPosted: BigInt(r.debits_posted),
  creditsPending: BigInt(r.credits_pending),
  creditsPosted: BigInt(r.credits_posted),
});

const toTransfer = (r: RawTransfer): TransferRow => ({
  id: r.id,
  budgetYear: r.budget_year,
  debitAccountId: r.debit_account_id,
  creditAccountId: r.credit_account_id,
  amount: BigInt(r.amount),
  code: r.code,
  phase: r.phase,
  pendingId: r.pending_id,
  reference: r.reference,
  actor: r.actor,
  createdAt: r.created_at,
});

/** The ledger's SQL: transfers posted in batches by `ledger_post` (insert only), accounts and transfers read. */
@Injectable()
export class LedgerRepository {
  /**
   * Applies a batch of transfers in one statement (`ledger_post`, migration 20261207060000): every account the batch
   * touches created on first use and locked in id order, then each item in order — replay check, balance rules,
   * insert, balances. One answer per item, in the items' order.
   */
  async post(tx: FundsTx, items: readonly PostItem[]): Promise<PostResult[]> {
    const rows = await tx.$queryRawUnsafe<RawPostResult[]>(
      'SELECT * FROM ledger_post($1::jsonb)',
      JSON.stringify(items, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)),
    );
    return rows.map((r) => ({
      index: r.r_i,
      outcome: r.r_outcome,
      detail: r.r_detail,
      accountId: r.r_account_id,
      limit: r.r_limit === null ? null : BigInt(r.r_limit),
      transfer:
        r.r_id === null
          ? null
          : toTransfer({
              id: r.r_id,
              budget_year: r.r_budget_year as number,
              debit_account_id: r.r_debit_account_id as string,
              credit_account_id: r.r_credit_account_id as string,
              amount: r.r_amount as bigint,
              code: r.r_code as string,
              phase: r.r_phase as Phase,
              pending_id: r.r_pending_id,
              reference: r.r_reference as string,
              actor: r.r_actor,
              created_at: r.r_created_at as Date,
            }),
    }));
  }

  /** The transfer with this id, if this tenant has one. */
  async findTransfer(tx: FundsTx, id: string): Promise<TransferRow | null> {
    const rows = await tx.$queryRawUnsafe<RawTransfer[]>(
      `SELECT ${TRANSFER_COLUMNS} FROM ledger_transfer WHERE id = $1::uuid`,
      id,
    );
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /** The post or void transfer that resolved a pending one, if any. */
  async resolutionOf(tx: FundsTx, pendingId: string): Promise<TransferRow | null> {
    const rows = await tx.$queryRawUnsafe<RawTransfer[]>(
      `SELECT ${TRANSFER_COLUMNS} FROM ledger_transfer WHERE pending_id = $1::uuid`,
      pendingId,
    );
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /** The tenant's accounts of a budget year, by kind and recipient. */
  async accounts(tx: FundsTx, budgetYear: number): Promise<AccountRow[]> {
    const rows = await tx.$queryRawUnsafe<RawAccount[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_account WHERE budget_year = $1 ORDER BY kind, recipient_name, id`,
      budgetYear,
    );
    return rows.map(toAccount);
  }

  /** Every account of the tenant (all budget years). */
  async allAccounts(tx: FundsTx): Promise<AccountRow[]> {
    const rows = await tx.$queryRawUnsafe<RawAccount[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_account ORDER BY budget_year, kind, id`,
    );
    return rows.map(toAccount);
  }

  /** The accounts kept for one recipient in a budget year, by kind. */
  async recipientAccounts(tx: FundsTx, budgetYear: number, recipientId: string): Promise<AccountRow[]> {
    const rows = await tx.$queryRawUnsafe<RawAccount[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_account WHERE budget_year = $1 AND recipient_id = $2`,
      budgetYear,
      recipientId,
    );
    return rows.map(toAccount);
  }
}
