import { randomUUID } from 'node:crypto';
import type { AccountKind } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { AccountFlags } from './chart-of-accounts';
import type { Balances, LedgerAccountState, Phase } from './ledger.rules';

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

/** The ledger's SQL: accounts (created on first use, locked in id order) and transfers (insert only). */
@Injectable()
export class LedgerRepository {
  /** The account of this tenant, budget year, kind and recipient, created (with its kind's flags) if missing. */
  async ensureAccount(
    tx: FundsTx,
    key: { budgetYear: number; kind: AccountKind; recipientId: string; recipientName: string | null },
    flags: AccountFlags,
    now: Date,
  ): Promise<string> {
    const tenantId = RequestContexts.requireTenant();
    await tx.$executeRawUnsafe(
      `INSERT INTO ledger_account (id, tenant_id, budget_year, kind, recipient_id, recipient_name,
         debits_must_not_exceed_credits, credits_must_not_exceed_debits, created_at)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, budget_year, kind, recipient_id) DO NOTHING`,
      randomUUID(),
      tenantId,
      key.budgetYear,
      key.kind,
      key.recipientId,
      key.recipientName,
      flags.debitsMustNotExceedCredits,
      flags.creditsMustNotExceedDebits,
      now,
    );
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM ledger_account WHERE tenant_id = $1::uuid AND budget_year = $2 AND kind = $3
         AND recipient_id = $4`,
      tenantId,
      key.budgetYear,
      key.kind,
      key.recipientId,
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`account ${key.kind} ${key.budgetYear} could not be created`);
    return id;
  }

  /** Locks the accounts in id order (two transfers never deadlock) and reads them under the lock. */
  async lockAccounts(tx: FundsTx, ids: readonly string[]): Promise<Map<string, AccountRow>> {
    const rows = await tx.$queryRawUnsafe<RawAccount[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_account WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [...ids],
    );
    return new Map(rows.map((row) => [row.id, toAccount(row)]));
  }

  /** The ids of the accounts of these keys in one budget year that exist (the common case: no insert needed). */
  async idsByKeys(
    tx: FundsTx,
    budgetYear: number,
    keys: readonly { kind: AccountKind; recipientId: string }[],
  ): Promise<{ id: string; kind: AccountKind; recipientId: string }[]> {
    const rows = await tx.$queryRawUnsafe<{ id: string; kind: AccountKind; recipient_id: string }[]>(
      `SELECT id::text, kind, recipient_id FROM ledger_account
        WHERE budget_year = $1 AND (kind, recipient_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      budgetYear,
      keys.map((k) => k.kind),
      keys.map((k) => k.recipientId),
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, recipientId: r.recipient_id }));
  }

  /** Both sides' balances in one statement. */
  async setBothBalances(tx: FundsTx, debit: [string, Balances], credit: [string, Balances]): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE ledger_account a SET debits_pending = v.dp, debits_posted = v.dpo, credits_pending = v.cp,
              credits_posted = v.cpo
         FROM (VALUES ($1::uuid, $2::bigint, $3::bigint, $4::bigint, $5::bigint),
                      ($6::uuid, $7::bigint, $8::bigint, $9::bigint, $10::bigint)) AS v(id, dp, dpo, cp, cpo)
        WHERE a.id = v.id`,
      debit[0],
      debit[1].debitsPending,
      debit[1].debitsPosted,
      debit[1].creditsPending,
      debit[1].creditsPosted,
      credit[0],
      credit[1].debitsPending,
      credit[1].debitsPosted,
      credit[1].creditsPending,
      credit[1].creditsPosted,
    );
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

  /** Inserts a transfer; false when its id is taken (a concurrent replay committed first, or another tenant's). */
  async insertTransfer(tx: FundsTx, t: Omit<TransferRow, 'createdAt'>, now: Date): Promise<boolean> {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO ledger_transfer (id, tenant_id, budget_year, debit_account_id, credit_account_id, amount, code,
         phase, pending_id, reference, actor, created_at)
       VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::uuid, $6, $7, $8, $9::uuid, $10, $11, $12)
       ON CONFLICT (id) DO NOTHING`,
      t.id,
      RequestContexts.requireTenant(),
      t.budgetYear,
      t.debitAccountId,
      t.creditAccountId,
      t.amount,
      t.code,
      t.phase,
      t.pendingId,
      t.reference,
      t.actor,
      now,
    );
    return inserted === 1;
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
