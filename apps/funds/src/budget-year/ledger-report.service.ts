import type { RecipientStatementView, TrialBalanceView } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../funds-prisma';
import { fenNumber } from '../ledger/fen.util';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerReportRepository } from '../ledger/ledger-report.repository';

/** The ledger's trial balance on one page, and a statement per recipient, for a budget year. */
@Injectable()
export class LedgerReportService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly reports: LedgerReportRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async trialBalance(budgetYear: number): Promise<TrialBalanceView> {
    const { accounts, transfers } = await this.database.inTenant((tx) => this.reports.recomputed(tx, budgetYear));
    const totals = {
      debitsPosted: 0n,
      creditsPosted: 0n,
      debitsPending: 0n,
      creditsPending: 0n,
    };
    let allMatch = true;
    const rows = accounts.map((a) => {
      const matches = (Object.keys(totals) as (keyof typeof totals)[]).every((k) => a.kept[k] === a.recomputed[k]);
      allMatch &&= matches;
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += a.kept[k];
      return {
        accountId: a.id,
        kind: a.kind,
        recipientId: a.recipientId || null,
        recipientName: a.recipientName,
        debitsPosted: fenNumber(a.kept.debitsPosted),
        creditsPosted: fenNumber(a.kept.creditsPosted),
        debitsPending: fenNumber(a.kept.debitsPending),
        creditsPending: fenNumber(a.kept.creditsPending),
        balance: fenNumber(a.kept.debitsPosted - a.kept.creditsPosted),
        matchesTransfers: matches,
      };
    });
    return {
      budgetYear,
      rows,
      totals: {
        debitsPosted: fenNumber(totals.debitsPosted),
        creditsPosted: fenNumber(totals.creditsPosted),
        debitsPending: fenNumber(totals.debitsPending),
        creditsPending: fenNumber(totals.creditsPending),
      },
      balanced:
        allMatch && totals.debitsPosted === totals.creditsPosted && totals.debitsPending === totals.creditsPending,
      transferCount: transfers,
    };
  }

  async statement(budgetYear: number, recipientId: string): Promise<RecipientStatementView> {
    const { accounts, lines } = await this.database.inTenant(async (tx) => ({
      accounts: await this.ledger.recipientAccounts(tx, budgetYear, recipientId),
      lines: await this.reports.recipientLines(tx, budgetYear, recipientId),
    }));
    const of = (kind: string) => accounts.find((a) => a.kind === kind);
    const payable = of('payable');
    const paid = of('paid');
    const receivable = of('receivable');
    const n = (v: bigint | undefined) => fenNumber(v ?? 0n);
    return {
      budgetYear,
      recipientId,
      recipientName: accounts[0]?.recipientName ?? null,
      entitled: n(payable?.creditsPosted),
      payable: n(payable ? payable.creditsPosted - payable.debitsPosted - payable.debitsPending : 0n),
      pending: n(payable?.debitsPending),
      paid: n(paid ? paid.creditsPosted - paid.debitsPosted : 0n),
      demanded: n(receivable?.creditsPosted),
      receivable: n(receivable ? receivable.creditsPosted - receivable.debitsPosted : 0n),
      recovered: n(lines.filter((l) => l.code === 'recovery').reduce((s, l) => s + l.amount, 0n)),
      writtenOff: n(lines.filter((l) => l.code === 'written_off').reduce((s, l) => s + l.amount, 0n)),
      lines: lines.map((l) => ({
        transferId: l.id,
        at: l.createdAt.toISOString(),
        code: l.code,
        phase: l.phase,
        debit: l.debitKind,
        credit: l.creditKind,
        amountFen: fenNumber(l.amount),
        reference: l.reference,
        actor: l.actor,
      })),
    };
  }
}
