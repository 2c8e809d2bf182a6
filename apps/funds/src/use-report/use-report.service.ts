import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type UseReportListQuery,
  type UseReportSaveBody,
  type UseReportStatus,
  type UseReportView,
  useReportChanged,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { judgeUseReport, type UseRules, useRulesOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { AwardsGateway } from '../entitlement/awards.gateway';
import { outstandingOf } from '../entitlement/entitlement.mapper';
import { EntitlementRepository, type EntitlementRow } from '../entitlement/entitlement.repository';
import type { FundsTx, PrismaClient } from '../funds-prisma';
import { fenNumber } from '../ledger/fen.util';
import { RecipientAccess } from './recipient-access.service';
import {
  entitlementNotPaid,
  noUseRules,
  useNotFound,
  useReportRefused,
  useReportWrongStatus,
} from './use-report.errors';
import { type UseReportAction, useReportStateAfter, useReportTransitionOf } from './use-report.lifecycle';
import { toUseReportView } from './use-report.mapper';
import { type UseLine, UseReportRepository, type UseReportRow } from './use-report.repository';

/**
 * The use of award money (inner-mongolia 第十九条, xinzhou-city 第二十二条): the winner reports its spending by the
 * purposes its policy lists (judged by `evaluateUseReport`), submits it; finance accepts it or queries it with reasons,
 * and the winner corrects and resubmits. Each step in one transaction with its history, event and audit entry.
 */
@Injectable()
export class UseReportService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly entitlements: EntitlementRepository,
    private readonly reports: UseReportRepository,
    private readonly awards: AwardsGateway,
    private readonly access: RecipientAccess,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /**
   * Obligated entitlements with their use: the tenant's for staff; an applicant account's own (by `applicantId`). A
   * recipient's list (`applicantId`) holds its money awaiting an amount decision too, with the cap (ADR 0033).
   */
  async list(query: UseReportListQuery): Promise<{ items: UseReportView[] }> {
    if (!this.access.isStaff()) await this.access.require(query.applicantId, useNotFound);
    const { rows, reports, evaluations } = await this.database.inTenant(async (tx) => {
      const rows = query.applicantId
        ? await this.entitlements.ofRecipient(tx, query.applicantId)
        : await this.entitlements.obligated(tx);
      const ids = rows.map((row) => row.id);
      return {
        rows,
        reports: await this.reports.ofEntitlements(tx, ids),
        evaluations: await this.reports.evaluationsOf(tx, ids),
      };
    });
    const rules = new Map<number, UseRules | null>();
    const items: UseReportView[] = [];
    for (const row of rows) {
      const report = reports.find((candidate) => candidate.entitlementId === row.id) ?? null;
      if (query.status && report?.status !== query.status) continue;
      if (!rules.has(row.policyVersion)) rules.set(row.policyVersion, await this.rulesOf(row));
      const evaluation = evaluations.find((candidate) => candidate.entitlementId === row.id) ?? null;
      items.push(toUseReportView(row, rules.get(row.policyVersion) ?? null, report, evaluation));
    }
    return { items };
  }

  async get(entitlementId: string): Promise<UseReportView> {
    const entitlement = await this.readable(entitlementId);
    return this.view(entitlement, await this.rulesOf(entitlement));
  }

  /** The winner writes its lines (a new report is a draft; a draft or a queried report is edited). */
  async save(entitlementId: string, body: UseReportSaveBody): Promise<UseReportView> {
    const entitlement = await this.readable(entitlementId, { winnerOnly: true });
    const rules = await this.rulesOf(entitlement);
    await this.database.inTenant(async (tx) => {
      const locked = await this.lockedPaid(tx, entitlementId, rules);
      const report = await this.reports.ofEntitlement(tx, entitlementId);
      this.judge(rules, locked, body.lines);
      if (!report) {
        const id = randomUUID();
        this.transition('draft', null);
        await this.reports.create(tx, { id, entitlementId, applicantId: locked.applicantId, at: this.clock.now() });
        await this.reports.replaceLines(tx, id, body.lines);
        await this.record(tx, { id, entitlementId, applicantId: locked.applicantId }, 'draft', null, rules, body.lines);
        return;
      }
      this.transition('edit', report.status as UseReportStatus);
      await this.reports.replaceLines(tx, report.id, body.lines);
      await this.record(tx, report, 'edit', report.status as UseReportStatus, rules, body.lines);
    });
    return this.view(entitlement, rules);
  }

  /** The winner submits a draft or resubmits a queried report; the lines are judged again against what was paid. */
  async submit(entitlementId: string): Promise<UseReportView> {
    const entitlement = await this.readable(entitlementId, { winnerOnly: true });
    const rules = await this.rulesOf(entitlement);
    await this.database.inTenant(async (tx) => {
      const locked = await this.lockedPaid(tx, entitlementId, rules);
      const report = await this.reports.ofEntitlement(tx, entitlementId);
      if (!report) throw useReportWrongStatus(null, 'submit');
      const from = report.status as UseReportStatus;
      const action: UseReportAction = from === 'queried' ? 'resubmit' : 'submit';
      this.transition(action, from);
      const lines = report.lines.map((line) => ({ ...line, amountFen: fenNumber(line.amountFen) }));
      this.judge(rules, locked, lines);
      await this.reports.update(tx, report.id, {
        status: action === 'submit' ? 'submitted' : 'resubmitted',
        submittedAt: this.clock.now(),
      });
      await this.record(tx, report, action, from, rules, lines);
    });
    return this.view(entitlement, rules);
  }

  /** Finance queries a submitted report, with its reasons (who and when recorded). */
  query(entitlementId: string, reasons: readonly string[]): Promise<UseReportView> {
    return this.decide(entitlementId, 'query', reasons.join('\n'), { queryReasons: [...reasons] });
  }

  /** Finance accepts a submitted report. */
  accept(entitlementId: string, note: string | undefined): Promise<UseReportView> {
    return this.decide(entitlementId, 'accept', note ?? null, {});
  }

  private async decide(
    entitlementId: string,
    action: 'query' | 'accept',
    note: string | null,
    change: { queryReasons?: string[] },
  ): Promise<UseReportView> {
    const entitlement = await this.readable(entitlementId);
    const rules = await this.rulesOf(entitlement);
    await this.database.inTenant(async (tx) => {
      await this.entitlements.findLocked(tx, entitlementId);
      const report = await this.reports.ofEntitlement(tx, entitlementId);
      if (!report) throw useReportWrongStatus(null, action);
      const from = report.status as UseReportStatus;
      const transition = this.transition(action, from);
      await this.reports.update(tx, report.id, {
        status: useReportStateAfter(transition, from),
        decidedBy: acting().label,
        decidedAt: this.clock.now(),
        ...change,
      });
      const lines = report.lines.map((line) => ({ ...line, amountFen: fenNumber(line.amountFen) }));
      await this.record(tx, report, action, from, rules, lines, note);
    });
    return this.view(entitlement, rules);
  }

  /** The entitlement locked, with what was paid; refused where no report is owed or nothing was paid. */
  private async lockedPaid(tx: FundsTx, entitlementId: string, rules: UseRules | null) {
    const locked = await this.entitlements.findLocked(tx, entitlementId);
    if (!locked) throw useNotFound();
    if (!rules) throw noUseRules();
    const paid = outstandingOf(locked).paid;
    if (paid === 0n) throw entitlementNotPaid();
    return { applicantId: locked.applicantId, paidFen: fenNumber(paid) };
  }

  private judge(rules: UseRules | null, locked: { paidFen: number }, lines: readonly UseLine[]) {
    const outcome = judgeUseReport(rules, { paidFen: locked.paidFen, lines });
    if (!outcome.ok) throw useReportRefused(outcome.problems);
  }

  private transition(action: UseReportAction, from: UseReportStatus | null) {
    const transition = useReportTransitionOf(action, from);
    if (!transition) throw useReportWrongStatus(from, action);
    return transition;
  }

  private async record(
    tx: FundsTx,
    report: Pick<UseReportRow, 'id' | 'entitlementId' | 'applicantId'>,
    action: UseReportAction,
    from: UseReportStatus | null,
    rules: UseRules | null,
    lines: readonly UseLine[],
    note: string | null = null,
  ) {
    const transition = this.transition(action, from);
    const to = useReportStateAfter(transition, from);
    const now = this.clock.now();
    const actor = acting().label;
    const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
    await this.reports.addHistory(tx, {
      reportId: report.id,
      action,
      fromStatus: from,
      toStatus: to,
      note,
      actor,
      at: now,
    });
    await this.outbox.add(tx, useReportChanged, {
      reportId: report.id,
      entitlementId: report.entitlementId,
      applicantId: report.applicantId,
      action,
      from,
      to,
      totalFen,
      note,
      actor,
      at: now.toISOString(),
    });
    await this.audit.record(tx, {
      action: `use-report.${action}`,
      targetType: 'use_report',
      targetId: report.id,
      basis: rules?.basis ?? null,
      before: from ? { status: from } : null,
      after: { status: to, totalFen, lines: lines.length, note },
    });
  }

  private async readable(entitlementId: string, options: { winnerOnly?: boolean } = {}): Promise<EntitlementRow> {
    const row = await this.database.inTenant((tx) => this.entitlements.find(tx, entitlementId));
    await this.access.require(row?.applicantId, useNotFound, options);
    if (!row || row.status !== 'obligated') throw useNotFound();
    return row;
  }

  private async rulesOf(entitlement: Pick<EntitlementRow, 'policyVersion'>): Promise<UseRules | null> {
    return useRulesOf(await this.awards.policy(entitlement.policyVersion));
  }

  private async view(entitlement: EntitlementRow, rules: UseRules | null): Promise<UseReportView> {
    const { row, report, evaluation } = await this.database.inTenant(async (tx) => ({
      row: await this.entitlements.find(tx, entitlement.id),
      report: await this.reports.ofEntitlement(tx, entitlement.id),
      evaluation: await this.reports.evaluationOf(tx, entitlement.id),
    }));
    if (!row) throw DomainError.notFound({ zh: '未找到该奖补资金', en: 'No such entitlement' });
    return toUseReportView(row, rules, report, evaluation);
  }
}
