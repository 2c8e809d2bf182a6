import type { ReviewStageCloseBody, ReviewStageOpenBody, ReviewStageView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, RequestContexts } from '@laurel/platform';
import {
  type EntryFinding,
  evaluateStageEntry,
  type Policy,
  previousReviewStage,
  reviewStagesOf,
  type Stage,
} from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository, type ReviewApplicationRow } from '../application/review-application.repository';
import { AssignmentRepository } from '../assignment/assignment.repository';
import { PanelRepository } from '../panel/panel.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { ScoringPolicy } from '../scoring/scoring-policy.service';
import { StageResultRepository } from '../scoring/stage-result.repository';
import { CyclePolicy } from './cycle-policy.service';
import {
  closeNeedsReason,
  closeNeedsWentOn,
  cutNotRecorded,
  entrantRefused,
  noEntrants,
  notAReviewStage,
  previousStageOpen,
  reviewStageNotFound,
  reviewStageWrongStatus,
  wentOnDiffersFromCut,
  wentOnNotEntrant,
} from './review-stage.errors';
import { reviewStageTransitionOf } from './review-stage.lifecycle';
import { closingCutOf, toReviewStageView } from './review-stage.mapper';
import { ReviewStageRepository, type ReviewStageRow } from './review-stage.repository';

/**
 * A cycle's review stages, as its pinned policy version orders them: the office opens one with its entrants (the
 * policy's entry rule with its article; the office's recorded decision where the text is silent) and closes it
 * recording who went on.
 */
@Injectable()
export class ReviewStageService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly stages: ReviewStageRepository,
    private readonly applications: ReviewApplicationRepository,
    private readonly panels: PanelRepository,
    private readonly assignments: AssignmentRepository,
    private readonly policies: CyclePolicy,
    private readonly results: StageResultRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly scoring: ScoringPolicy,
  ) {}

  async list(cycle: number): Promise<{ stages: ReviewStageView[] }> {
    const { version, policy } = await this.policies.of(RequestContexts.requireTenant(), cycle);
    const stages = await this.database.inTenant(async (tx) => {
      const rows = await this.stages.ofCycle(tx, cycle);
      const applications = await this.applications.ofCycle(tx, cycle);
      const views: ReviewStageView[] = [];
      for (const stage of reviewStagesOf(policy)) {
        const row = rows.find((r) => r.stageKey === stage.key) ?? null;
        views.push(await this.view(tx, { cycle, version, policy, stage, row, rows, applications }));
      }
      return views;
    });
    return { stages };
  }

  async get(id: string): Promise<ReviewStageView> {
    const row = await this.database.inTenant((tx) => this.stages.find(tx, id));
    if (!row) throw reviewStageNotFound();
    const { version, policy } = await this.policies.of(row.tenantId, row.cycleNumber);
    const stage = policy.procedure.stages.find((s) => s.key === row.stageKey) as Stage;
    return this.database.inTenant(async (tx) => {
      const rows = await this.stages.ofCycle(tx, row.cycleNumber);
      const applications = await this.applications.ofCycle(tx, row.cycleNumber);
      const fresh = rows.find((r) => r.id === id) ?? row;
      return this.view(tx, { cycle: row.cycleNumber, version, policy, stage, row: fresh, rows, applications });
    });
  }

  /** Opens the stage with the policy's entrants and the office's recorded ones; 409 once opened. */
  async open(cycle: number, stageKey: string, body: ReviewStageOpenBody): Promise<ReviewStageView> {
    const { version, policy } = await this.policies.of(RequestContexts.requireTenant(), cycle);
    const stage = reviewStagesOf(policy).find((s) => s.key === stageKey);
    if (!stage) throw notAReviewStage(stageKey);
    const id = await this.database
      .inTenant(async (tx) => {
        const rows = await this.stages.ofCycle(tx, cycle);
        const existing = rows.find((r) => r.stageKey === stageKey);
        if (existing) throw reviewStageWrongStatus(existing.status as 'open' | 'closed', 'open');
        const transition = reviewStageTransitionOf('open', 'planned');
        if (!transition) throw new Error('no open transition');
        const applications = await this.applications.ofCycle(tx, cycle);
        const findings = this.findings(policy, stage, rows, applications);
        const previous = previousReviewStage(policy, stageKey);
        const usesPrevious = stage.entry?.organisation === 'went_on' || stage.entry?.individual === 'went_on';
        const previousRow = previous ? rows.find((r) => r.stageKey === previous.key) : undefined;
        if (previous && usesPrevious && previousRow?.status !== 'closed') throw previousStageOpen(previous.name.zh);

        const who = acting().label;
        const now = this.clock.now();
        const byId = new Map(findings.map((f) => [f.applicationId, f]));
        const entrants = findings
          .filter((f) => f.decision === 'enters')
          .map((f) => ({
            applicationId: f.applicationId,
            source: 'policy',
            basis: f.basis,
            reason: f.reason.zh,
            decidedBy: who,
            decidedAt: now,
          }));
        const chosen = new Set<string>();
        (body.entrants ?? []).forEach((entrant, index) => {
          const finding = byId.get(entrant.applicationId);
          if (!finding) {
            throw entrantRefused(index, '不是本届已受理的申报', 'is not an accepted application of this cycle');
          }
          if (finding.decision !== 'office_decides') {
            throw entrantRefused(
              index,
              `办法已有规定，不由办公室决定：${finding.reason.zh}（${finding.basis}）`,
              `the policy decides this one, not the office: ${finding.reason.en} (${finding.basis})`,
            );
          }
          if (chosen.has(entrant.applicationId)) throw entrantRefused(index, '重复列出', 'is listed twice');
          chosen.add(entrant.applicationId);
          entrants.push({
            applicationId: entrant.applicationId,
            source: 'office',
            basis: null,
            reason: entrant.reason,
            decidedBy: who,
            decidedAt: now,
          });
        });
        if (entrants.length === 0) throw noEntrants();
        const kindOf = new Map(applications.map((application) => [application.id, application.applicantKind]));
        await this.scoring.assertRubricsForOpening(
          tx,
          policy,
          cycle,
          stage,
          entrants.map((entrant) => kindOf.get(entrant.applicationId) ?? 'organisation'),
        );

        const stageId = await this.stages.create(tx, {
          cycleNumber: cycle,
          policyVersion: version,
          stageKey,
          kind: stage.kind,
          stageOrder: stage.order,
          nameZh: stage.name.zh,
          nameEn: stage.name.en,
          basis: `${policy.key} ${stage.basis}`,
          status: transition.to,
          openedBy: who,
          openedAt: now,
        });
        await this.stages.addHistory(tx, {
          stageId,
          action: 'open',
          fromStatus: 'planned',
          toStatus: transition.to,
          reason: body.reason ?? null,
          actor: who,
          at: now,
        });
        await this.stages.addEntrants(
          tx,
          entrants.map((e) => ({ ...e, stageId })),
        );
        await this.audit.record(tx, {
          action: 'review-stage.open',
          targetType: 'review-stage',
          targetId: stageId,
          basis: `${policy.key} ${stage.basis}`,
          before: null,
          after: {
            cycle,
            stageKey,
            entrants: entrants.map((e) => ({ applicationId: e.applicationId, source: e.source, basis: e.basis })),
            reason: body.reason ?? null,
          },
        });
        return stageId;
      })
      .catch((error: unknown) => {
        // Opened at the same moment by someone else: the unique (tenant, cycle, stage) said so.
        if ((error as { code?: string } | null)?.code === 'P2002') throw reviewStageWrongStatus('open', 'open');
        throw error;
      });
    return this.get(id);
  }

  /** Closes an open stage recording who went on (the others stopped) and why. */
  async close(id: string, body: ReviewStageCloseBody): Promise<ReviewStageView> {
    const tenantId = RequestContexts.requireTenant();
    await this.database.inTenant(async (tx) => {
      const row = await this.stages.findLocked(tx, id);
      if (!row) throw reviewStageNotFound();
      const from = row.status as 'open' | 'closed';
      const transition = reviewStageTransitionOf('close', from);
      if (!transition) throw reviewStageWrongStatus(from, 'close');
      const { policy } = await this.policies.of(tenantId, row.cycleNumber);
      const decision = await this.closingDecision(tx, policy, row, body);
      const entrants = new Set(row.entrants.map((e) => e.applicationId));
      decision.wentOn.forEach((applicationId, index) => {
        if (!entrants.has(applicationId)) throw wentOnNotEntrant(index);
      });
      const wentOn = new Set(decision.wentOn);
      const who = acting().label;
      const now = this.clock.now();
      const decided = decision.decided;
      await this.stages.recordOutcome(tx, id, [...wentOn], { ...decided, outcome: 'went_on' });
      await this.stages.recordOutcome(
        tx,
        id,
        [...entrants].filter((a) => !wentOn.has(a)),
        { ...decided, outcome: 'stopped' },
      );
      await this.stages.update(tx, id, { status: transition.to, closedBy: who, closedAt: now });
      await this.stages.addHistory(tx, {
        stageId: id,
        action: 'close',
        fromStatus: from,
        toStatus: transition.to,
        reason: decided.outcomeReason,
        actor: who,
        at: now,
      });
      await this.audit.record(tx, {
        action: 'review-stage.close',
        targetType: 'review-stage',
        targetId: id,
        basis: decision.basis ?? row.basis,
        before: { status: from },
        after: { status: transition.to, wentOn: [...wentOn], reason: decided.outcomeReason, fromCut: decision.fromCut },
      });
    });
    return this.get(id);
  }

  /**
   * Who went on, decided once: where the policy has a cut after the stage (inner-mongolia 第十四条（一）) the recorded
   * cut's list, its reason, who and when (a different list is refused); otherwise the office's list with its reason.
   */
  private async closingDecision(tx: ReviewsTx, policy: Policy, row: ReviewStageRow, body: ReviewStageCloseBody) {
    const basis = closingCutOf(policy, row.stageKey);
    if (basis) {
      const cut = await this.results.cut(tx, row.cycleNumber, row.stageKey);
      if (!cut) throw cutNotRecorded(basis);
      if (body.wentOn && [...body.wentOn].sort().join() !== [...cut.goesOn].sort().join()) {
        throw wentOnDiffersFromCut(basis);
      }
      return {
        wentOn: cut.goesOn,
        basis,
        fromCut: true,
        decided: { outcomeReason: cut.reason, outcomeBy: cut.decidedBy, outcomeAt: cut.decidedAt },
      };
    }
    if (!body.wentOn) throw closeNeedsWentOn();
    if (!body.reason) throw closeNeedsReason();
    return {
      wentOn: body.wentOn,
      basis: null,
      fromCut: false,
      decided: { outcomeReason: body.reason, outcomeBy: acting().label, outcomeAt: this.clock.now() },
    };
  }

  private findings(
    policy: Policy,
    stage: Stage,
    rows: readonly ReviewStageRow[],
    applications: readonly ReviewApplicationRow[],
  ): EntryFinding[] {
    const previous = previousReviewStage(policy, stage.key);
    const previousRow = previous ? rows.find((r) => r.stageKey === previous.key) : undefined;
    const outcomes = new Map(previousRow?.entrants.map((e) => [e.applicationId, e.outcome]) ?? []);
    return evaluateStageEntry(
      policy,
      stage.key,
      applications.map((a) => ({
        applicationId: a.id,
        applicantKind: a.applicantKind as 'organisation' | 'individual',
        previous: (outcomes.get(a.id) ?? null) as 'went_on' | 'stopped' | null,
      })),
    );
  }

  private async view(
    tx: ReviewsTx,
    input: {
      cycle: number;
      version: number;
      policy: Policy;
      stage: Stage;
      row: ReviewStageRow | null;
      rows: readonly ReviewStageRow[];
      applications: readonly ReviewApplicationRow[];
    },
  ): Promise<ReviewStageView> {
    const { row } = input;
    const panel = row ? await this.panels.ofStage(tx, row.id) : null;
    const current = row ? await this.assignments.ofStage(tx, row.id) : [];
    const perApplication = new Map<string, number>();
    for (const a of current) perApplication.set(a.applicationId, (perApplication.get(a.applicationId) ?? 0) + 1);
    const size = panel?.size ?? null;
    return toReviewStageView({
      cycleNumber: input.cycle,
      policyVersion: input.version,
      policy: input.policy,
      stage: input.stage,
      row,
      findings: this.findings(input.policy, input.stage, input.rows, input.applications),
      applications: new Map(input.applications.map((a) => [a.id, a])),
      progress: {
        fullyAssigned: size === null ? 0 : [...perApplication.values()].filter((n) => n >= size).length,
        assignments: current.length,
        panelSize: size,
        panelMembers: panel?.members.length ?? 0,
      },
    });
  }
}
