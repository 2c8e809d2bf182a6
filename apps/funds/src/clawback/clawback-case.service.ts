import { shanghaiDateOf } from '@laurel/calendar';
import {
  type ClawbackAgreementBody,
  type ClawbackCaseListQuery,
  type ClawbackCaseStatus,
  type ClawbackCaseView,
  type ClawbackDemandBody,
  type ClawbackRecoveryBody,
  type ClawbackReturnBody,
  type ClawbackWriteOffBody,
  DomainError,
} from '@laurel/contracts';
import { Clock, Database, renderPdf } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx, PrismaClient } from '../funds-prisma';
import { balanceRuleText, transferIdReused } from '../ledger/ledger.errors';
import { Ledger, type TransferRequest } from '../ledger/ledger.service';
import {
  clawbackCaseNotFound,
  clawbackWrongStatus,
  dueDateInPast,
  exceedsOutstandingClaim,
  exceedsRecovered,
  instalmentsDoNotAddUp,
  instalmentsOutOfOrder,
} from './clawback-case.errors';
import { type ClawbackAction, clawbackTransitionOf, stateAfter } from './clawback-case.lifecycle';
import { type ClawbackInstalment, outstandingOfCase, toClawbackCaseView } from './clawback-case.mapper';
import { ClawbackCaseRecorder } from './clawback-case.recorder';
import { ClawbackCaseRepository, type ClawbackCaseRow } from './clawback-case.repository';
import { ClawbackDeadlines } from './clawback-deadline.service';
import { nextDeadline } from './clawback-deadline.util';
import { demandLetterDocument } from './clawback-demand-letter.util';

type Deadlines = { schedule?: { remindAt: Date; dueAt: Date }; cancel?: true };

/**
 * Finance's steps on a clawback case, each in one transaction with its ledger transfer (ADR 0022), history, event and
 * audit entry: the demand letter's due date, recoveries (partial or whole), an instalment agreement, a write-off with
 * an approval and a reason, money returned to the treasury (上缴). Money steps are keyed by a client-chosen transfer
 * id: a replay answers the case as it is and moves nothing.
 */
@Injectable()
export class ClawbackCaseService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly cases: ClawbackCaseRepository,
    private readonly ledger: Ledger,
    private readonly recorder: ClawbackCaseRecorder,
    private readonly deadlines: ClawbackDeadlines,
    private readonly clock: Clock,
  ) {}

  async list(query: ClawbackCaseListQuery): Promise<{ cases: ClawbackCaseView[] }> {
    const rows = await this.database.inTenant((tx) => this.cases.list(tx, query));
    return { cases: rows.map(toClawbackCaseView) };
  }

  async get(id: string): Promise<ClawbackCaseView> {
    const row = await this.database.inTenant((tx) => this.cases.find(tx, id));
    if (!row) throw clawbackCaseNotFound();
    return toClawbackCaseView(row);
  }

  /** The demand letter (追缴通知书) as a PDF, once finance set the due date; it shows the case as it stands. */
  async demandLetter(id: string) {
    const view = await this.get(id);
    if (!view.dueOn) throw clawbackWrongStatus(view.status, 'demand-letter');
    const pdf = await renderPdf(demandLetterDocument(view, this.clock.now()));
    return {
      filename: `demand-letter-${view.id}.pdf`,
      contentType: 'application/pdf' as const,
      contentBase64: pdf.toString('base64'),
    };
  }

  demand(id: string, body: ClawbackDemandBody): Promise<ClawbackCaseView> {
    return this.step(id, 'demand', async (tx, row) => {
      if (body.dueOn < this.today()) throw dueDateInPast();
      const next = nextDeadline(body.dueOn, null, row.recoveredFen, body.remindDaysBefore);
      if (!next) throw new Error('a demand always has a deadline');
      await this.cases.update(tx, id, {
        dueOn: body.dueOn,
        remindDaysBefore: body.remindDaysBefore,
        remindAt: next.remindAt,
        dueAt: next.dueAt,
      });
      return { note: `还款期限 ${body.dueOn}`, deadlines: { schedule: next } };
    });
  }

  recover(id: string, body: ClawbackRecoveryBody): Promise<ClawbackCaseView> {
    return this.money(id, body.transferId, 'recover', body.amountFen, async (tx, row) => {
      const outstanding = outstandingOfCase(row);
      if (BigInt(body.amountFen) > outstanding) throw exceedsOutstandingClaim(outstanding, body.amountFen);
      const full = BigInt(body.amountFen) === outstanding;
      const action: ClawbackAction = full ? 'recover_in_full' : 'recover';
      await this.post(tx, row, body.transferId, 'recovery', BigInt(body.amountFen));
      const recovered = row.recoveredFen + BigInt(body.amountFen);
      const next =
        !full && row.dueOn && row.remindDaysBefore !== null
          ? nextDeadline(
              row.dueOn,
              row.instalments as ClawbackInstalment[] | null,
              recovered - (row.agreedFromFen ?? 0n),
              row.remindDaysBefore,
            )
          : null;
      const moved = next && next.dueOn !== row.dueOn && row.instalments;
      await this.cases.update(tx, id, {
        recoveredFen: recovered,
        ...(moved
          ? {
              dueOn: next.dueOn,
              remindAt: next.remindAt,
              dueAt: next.dueAt,
              remindedAt: null,
            }
          : {}),
      });
      const deadlines: Deadlines = full ? { cancel: true } : moved ? { schedule: next } : {};
      return {
        action,
        amount: BigInt(body.amountFen),
        note: `缴款凭证 ${body.receipt}`,
        deadlines,
      };
    });
  }

  agreeInstalments(id: string, body: ClawbackAgreementBody): Promise<ClawbackCaseView> {
    return this.step(id, 'agree_instalments', async (tx, row) => {
      const outstanding = outstandingOfCase(row);
      const total = body.instalments.reduce((sum, i) => sum + i.amountFen, 0);
      if (BigInt(total) !== outstanding) throw instalmentsDoNotAddUp(outstanding, total);
      const dates = body.instalments.map((i) => i.dueOn);
      if (dates.some((d, i) => d < this.today() || (i > 0 && d <= (dates[i - 1] as string)))) {
        throw instalmentsOutOfOrder();
      }
      const schedule: ClawbackInstalment[] = body.instalments.map((i) => ({
        dueOn: i.dueOn,
        amountFen: i.amountFen,
      }));
      const next = nextDeadline(dates[0] as string, schedule, 0n, row.remindDaysBefore ?? 0);
      if (!next) throw new Error('an agreement always has a deadline');
      await this.cases.update(tx, id, {
        instalments: schedule,
        agreementDocument: body.document,
        // What was recovered before the agreement counts towards none of its instalments: they cover what is left.
        agreedFromFen: row.recoveredFen,
        dueOn: next.dueOn,
        remindAt: next.remindAt,
        dueAt: next.dueAt,
        remindedAt: null,
        overdueAt: null,
      });
      return {
        note: `分期还款协议 ${body.document}（${body.instalments.length} 期）`,
        deadlines: { schedule: next },
      };
    });
  }

  writeOff(id: string, body: ClawbackWriteOffBody): Promise<ClawbackCaseView> {
    return this.money(id, body.transferId, 'write_off', null, async (tx, row) => {
      const outstanding = outstandingOfCase(row);
      await this.post(tx, row, body.transferId, 'written_off', outstanding);
      await this.cases.update(tx, id, {
        writtenOffFen: row.writtenOffFen + outstanding,
        writeOffReason: body.reason,
        writeOffApproval: body.approval.document,
        writeOffApprovedBy: body.approval.approvedBy,
      });
      const note = `核销：${body.reason}（批准：${body.approval.document}，${body.approval.approvedBy}）`;
      return {
        action: 'write_off',
        amount: outstanding,
        note,
        deadlines: { cancel: true },
      };
    });
  }

  returnToTreasury(id: string, body: ClawbackReturnBody): Promise<ClawbackCaseView> {
    return this.money(id, body.transferId, 'return', body.amountFen, async (tx, row) => {
      const held = row.recoveredFen - row.returnedFen;
      if (BigInt(body.amountFen) > held) throw exceedsRecovered(held, body.amountFen);
      await this.post(tx, row, body.transferId, 'returned_to_treasury', BigInt(body.amountFen));
      await this.cases.update(tx, id, {
        returnedFen: row.returnedFen + BigInt(body.amountFen),
      });
      return {
        action: 'return',
        amount: BigInt(body.amountFen),
        note: `上缴凭证 ${body.document}`,
        deadlines: {},
      };
    });
  }

  private today(): string {
    return shanghaiDateOf(this.clock.now());
  }

  /** A step moving money: a transfer id seen on this case is a replay (the case as it is, nothing moved). */
  private async money(
    id: string,
    transferId: string,
    probe: ClawbackAction,
    asked: number | null,
    work: (
      tx: FundsTx,
      row: ClawbackCaseRow,
    ) => Promise<{
      action: ClawbackAction;
      amount: bigint;
      note: string;
      deadlines: Deadlines;
    }>,
  ): Promise<ClawbackCaseView> {
    let deadlines: Deadlines = {};
    const row = await this.database.inTenant(async (tx) => {
      const locked = await this.cases.findLocked(tx, id);
      if (!locked) throw clawbackCaseNotFound();
      const seen = await this.cases.stepOfTransfer(tx, id, transferId);
      if (seen) {
        if (asked !== null && seen.amountFen !== BigInt(asked)) throw transferIdReused('body.amountFen');
        if (seen.action !== probe && !(probe === 'recover' && seen.action === 'recover_in_full')) {
          throw transferIdReused('body.transferId');
        }
        return locked;
      }
      const from = locked.status as ClawbackCaseStatus;
      if (!clawbackTransitionOf(probe, from)) throw clawbackWrongStatus(from, probe);
      const done = await work(tx, locked);
      const transition = clawbackTransitionOf(done.action, from);
      if (!transition) throw clawbackWrongStatus(from, done.action);
      await this.cases.update(tx, id, { status: stateAfter(transition, from) });
      await this.recorder.record(tx, locked, {
        action: done.action,
        transition,
        from,
        amount: done.amount,
        transferId,
        note: done.note,
        basis: locked.basis,
      });
      deadlines = done.deadlines;
      return (await this.cases.find(tx, id)) as ClawbackCaseRow;
    });
    await this.apply(id, deadlines);
    return toClawbackCaseView(row);
  }

  /** A step moving no money. */
  private async step(
    id: string,
    action: ClawbackAction,
    work: (tx: FundsTx, row: ClawbackCaseRow) => Promise<{ note: string; deadlines: Deadlines }>,
  ): Promise<ClawbackCaseView> {
    let deadlines: Deadlines = {};
    const row = await this.database.inTenant(async (tx) => {
      const locked = await this.cases.findLocked(tx, id);
      if (!locked) throw clawbackCaseNotFound();
      const from = locked.status as ClawbackCaseStatus;
      const transition = clawbackTransitionOf(action, from);
      if (!transition) throw clawbackWrongStatus(from, action);
      const done = await work(tx, locked);
      await this.cases.update(tx, id, { status: stateAfter(transition, from) });
      await this.recorder.record(tx, locked, {
        action,
        transition,
        from,
        note: done.note,
        basis: locked.basis,
      });
      deadlines = done.deadlines;
      return (await this.cases.find(tx, id)) as ClawbackCaseRow;
    });
    await this.apply(id, deadlines);
    return toClawbackCaseView(row);
  }

  private async apply(id: string, deadlines: Deadlines): Promise<void> {
    if (deadlines.cancel) await this.deadlines.cancel(id);
    if (deadlines.schedule) await this.deadlines.schedule(id, deadlines.schedule.remindAt, deadlines.schedule.dueAt);
  }

  private async post(
    tx: FundsTx,
    row: ClawbackCaseRow,
    transferId: string,
    code: TransferRequest['code'],
    amount: bigint,
  ): Promise<void> {
    if (row.budgetYear === null) throw clawbackWrongStatus(row.status as ClawbackCaseStatus, code);
    const posted = await this.ledger.transfer(tx, {
      id: transferId,
      budgetYear: row.budgetYear,
      code,
      amount,
      reference: row.id,
      recipient: { id: row.applicantId, name: row.applicantName },
      phase: 'single',
    });
    if (posted.outcome === 'replayed') throw transferIdReused('body.transferId');
    if (posted.outcome === 'refused') {
      const { kind, limit, amount: asked } = posted.refusal;
      throw new DomainError({
        code: 'rule_violation',
        detail: balanceRuleText(kind, limit, asked),
      });
    }
  }
}
