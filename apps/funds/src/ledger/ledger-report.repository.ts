import type { AccountKind } from '@laurel/contracts';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';

export interface RecomputedAccount {
  readonly id: string;
  readonly kind: AccountKind;
  readonly recipientId: string;
  readonly recipientName: string | null;
  readonly kept: {
    debitsPosted: bigint;
    creditsPosted: bigint;
    debitsPending: bigint;
    creditsPending: bigint;
  };
  readonly recomputed: {
    debitsPosted: bigint;
    creditsPosted: bigint;
    debitsPending: bigint;
    creditsPending: bigint;
  };
}

export interface StatementLineRow {
  readonly id: string;
  readonly createdAt: Date;
  readonly code: string;
  readonly phase: string;
  readonly debitKind: AccountKind;
  readonly creditKind: AccountKind;
  readonly amount: bigint;
  readonly reference: string;
  readonly actor: string | null;
}

/**
 * Read-only SQL for the ledger's reports: a budget year's accounts with their sums recomputed from the transfers in
 * one pass (posted: single and post transfers; pending: pending transfers less the post and void transfers that
 * resolved them — a resolution carries its pending transfer's accounts and amount), and a recipient's transfers.
 */
@Injectable()
export class LedgerReportRepository {
  async recomputed(tx: FundsTx, budgetYear: number): Promise<{ accounts: RecomputedAccount[]; transfers: number }> {
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      `WITH t AS (
         SELECT debit_account_id, credit_account_id,
                CASE WHEN phase IN ('single', 'post') THEN amount ELSE 0 END AS posted,
                CASE WHEN phase = 'pending' THEN amount WHEN phase IN ('post', 'void') THEN -amount ELSE 0 END
                  AS pending
           FROM ledger_transfer WHERE budget_year = $1),
       d AS (SELECT debit_account_id AS id, SUM(posted) AS posted, SUM(pending) AS pending, COUNT(*) AS n
               FROM t GROUP BY 1),
       c AS (SELECT credit_account_id AS id, SUM(posted) AS posted, SUM(pending) AS pending FROM t GROUP BY 1)
       SELECT a.id::text, a.kind, a.recipient_id, a.recipient_name, a.debits_posted, a.credits_posted,
              a.debits_pending, a.credits_pending,
              COALESCE(d.posted, 0) AS r_debits_posted, COALESCE(c.posted, 0) AS r_credits_posted,
              COALESCE(d.pending, 0) AS r_debits_pending, COALESCE(c.pending, 0) AS r_credits_pending,
              (SELECT COALESCE(SUM(n), 0) FROM d) AS transfers
         FROM ledger_account a LEFT JOIN d ON d.id = a.id LEFT JOIN c ON c.id = a.id
        WHERE a.budget_year = $1
        ORDER BY a.kind, a.recipient_name NULLS FIRST, a.id`,
      budgetYear,
    );
    const big = (v: unknown) => BigInt(v as bigint);
    return {
      transfers: rows[0] ? Number(rows[0].transfers) : 0,
      accounts: rows.map((r) => ({
        id: r.id as string,
        kind: r.kind as AccountKind,
        recipientId: r.recipient_id as string,
        recipientName: r.recipient_name as string | null,
        kept: {
          debitsPosted: big(r.debits_posted),
          creditsPosted: big(r.credits_posted),
          debitsPending: big(r.debits_pending),
          creditsPending: big(r.credits_pending),
        },
        recomputed: {
          debitsPosted: big(r.r_debits_posted),
          creditsPosted: big(r.r_credits_posted),
          debitsPending: big(r.r_debits_pending),
          creditsPending: big(r.r_credits_pending),
        },
      })),
    };
  }

  /** The transfers on a recipient's accounts of a budget year, in the order they were made. */
  async recipientLines(tx: FundsTx, budgetYear: number, recipientId: string): Promise<StatementLineRow[]> {
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      `WITH mine AS (SELECT id FROM ledger_account WHERE budget_year = $1 AND recipient_id = $2),
       -- Each side through its own index (an OR of the two would scan every transfer of the tenant).
       ids AS (SELECT t.id FROM ledger_transfer t JOIN mine ON t.debit_account_id = mine.id
               UNION
               SELECT t.id FROM ledger_transfer t JOIN mine ON t.credit_account_id = mine.id)
       SELECT t.id::text, t.created_at, t.code, t.phase, da.kind AS debit_kind, ca.kind AS credit_kind, t.amount,
              t.reference, t.actor
         FROM ids JOIN ledger_transfer t ON t.id = ids.id
         JOIN ledger_account da ON da.id = t.debit_account_id
         JOIN ledger_account ca ON ca.id = t.credit_account_id
        ORDER BY t.seq`,
      budgetYear,
      recipientId,
    );
    return rows.map((r) => ({
      id: r.id as string,
      createdAt: r.created_at as Date,
      code: r.code as string,
      phase: r.phase as string,
      debitKind: r.debit_kind as AccountKind,
      creditKind: r.credit_kind as AccountKind,
      amount: BigInt(r.amount as bigint),
      reference: r.reference as string,
      actor: r.actor as string | null,
    }));
  }
}
