import type { ConsensusBody, StageCutBody, StageResultView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import type { Rubric } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import { PartyRecusal } from '../conflict/party-recusal.service';
import { ExpertRepository } from '../expert/expert.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { RubricCatalog } from '../rubric/rubric-catalog.service';
import { onUniqueViolation } from '../unique-violation.util';
import { computeStageResult, type StageSheet } from './compute-stage-result.util';
import { evaluateCutByKind } from './rank-by-kind.util';
import { COUNTED_STATES } from './score-sheet.lifecycle';
import { ScoreSheetRepository } from './score-sheet.repository';
import {
  adjustNeedsTotal,
  consensusAlreadyRecorded,
  cutAlreadyRecorded,
  cutNeedsOneRule,
  cutNotInPolicy,
  cutSplitsTie,
  notFlagged,
  openFlags,
} from './scoring.errors';
import { ScoringPolicy } from './scoring-policy.service';
import { toStageResultView } from './stage-result.mapper';
import { StageResultRepository } from './stage-result.repository';
import { rubricMax } from './validate-scores.util';

/**
 * A stage's results for the office: the score table raw and normalised with outlier flags, the consensus the office
 * records on each flag, the ranking, and the cut after a stage whose score decides who goes on.
 */
@Injectable()
export class StageResultService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly sheets: ScoreSheetRepository,
    private readonly results: StageResultRepository,
    private readonly applications: ReviewApplicationRepository,
    private readonly experts: ExpertRepository,
    private readonly scoring: ScoringPolicy,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly recusal: PartyRecusal,
    private readonly catalog: RubricCatalog,
  ) {}

  async get(cycleNumber: number, stageKey: string): Promise<StageResultView> {
    await this.scoring.scoredStage(cycleNumber, stageKey);
    return this.database.inTenant((tx) => this.compute(tx, cycleNumber, stageKey));
  }

  /** The office records the consensus on a flagged sheet: keep, adjust (to a total), or exclude; with a reason. */
  async recordConsensus(cycleNumber: number, stageKey: string, body: ConsensusBody): Promise<StageResultView> {
    const { policy, stage } = await this.scoring.scoredStage(cycleNumber, stageKey);
    const record = () =>
      this.database.inTenant(async (tx) => {
        const result = await this.compute(tx, cycleNumber, stageKey);
        const row = result.sheets.find((sheet) => sheet.sheetId === body.sheetId);
        if (!row?.flag) throw notFlagged();
        await this.recusal.assertOfficeUserFree(tx, [row.applicationId]);
        if (await this.results.consensusOfSheet(tx, body.sheetId)) throw consensusAlreadyRecorded();
        const max =
          result.groups.find((group) => group.applicantKind === this.kindOf(result, row.applicationId))?.max ?? 0;
        if (body.outcome === 'adjust' && (body.adjustedTotal === undefined || body.adjustedTotal > max)) {
          throw adjustNeedsTotal(max);
        }
        const decided = {
          cycleNumber,
          stageKey,
          sheetId: body.sheetId,
          applicationId: row.applicationId,
          outcome: body.outcome,
          flaggedTotal: row.raw,
          flagReasons: [...row.flag.reasons],
          adjustedTotal: body.outcome === 'adjust' ? (body.adjustedTotal ?? null) : null,
          reason: body.reason,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        };
        await this.results.addConsensus(tx, decided);
        await this.audit.record(tx, {
          action: 'consensus.record',
          targetType: 'score-sheet',
          targetId: body.sheetId,
          basis: `${policy.key} ${stage.basis}`,
          before: { total: row.raw, flag: row.flag.reasons },
          after: { outcome: body.outcome, adjustedTotal: decided.adjustedTotal, reason: body.reason },
        });
        return this.compute(tx, cycleNumber, stageKey);
      });
    // Lost a first-write race: the second run finds the row and answers as the check above does.
    return onUniqueViolation(record, record);
  }

  /** The office records who goes on after a stage whose score decides it (size or least score, with a reason). */
  async recordCut(cycleNumber: number, stageKey: string, body: StageCutBody): Promise<StageResultView> {
    const { policy, plan } = await this.scoring.scoredStage(cycleNumber, stageKey);
    const rule = plan.cuts.find((cut) => cut.after === stageKey);
    if (!rule) throw cutNotInPolicy(stageKey);
    const count = body.count ?? rule.size ?? undefined;
    if ((count === undefined) === (body.minScore === undefined)) throw cutNeedsOneRule();
    const record = () =>
      this.database.inTenant(async (tx) => {
        if (await this.results.cut(tx, cycleNumber, stageKey)) throw cutAlreadyRecorded();
        const result = await this.compute(tx, cycleNumber, stageKey);
        if (result.openFlags > 0) throw openFlags(result.openFlags);
        const evaluated = evaluateCutByKind(
          result.ranking,
          count !== undefined ? { count } : { minScore: body.minScore as number },
        );
        if (evaluated.splitTie) throw cutSplitsTie(evaluated.splitTie.rank, evaluated.splitTie.applicationIds);
        const basis = `${policy.key} ${rule.basis}`;
        await this.results.addCut(tx, {
          cycleNumber,
          stageKey,
          toStage: rule.to,
          count: count ?? null,
          minScore: body.minScore ?? null,
          goesOn: [...evaluated.goesOn],
          stops: [...evaluated.stops],
          basis,
          reason: body.reason,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        });
        await this.audit.record(tx, {
          action: 'stage-cut.record',
          targetType: 'stage',
          targetId: `${cycleNumber}/${stageKey}`,
          basis,
          before: null,
          after: {
            count: count ?? null,
            minScore: body.minScore ?? null,
            goesOn: evaluated.goesOn,
            reason: body.reason,
          },
        });
        return this.compute(tx, cycleNumber, stageKey);
      });
    // Lost a first-write race: the second run finds the row and answers as the check above does.
    return onUniqueViolation(record, record);
  }

  /** The stage's result (also for the composite). */
  async compute(tx: ReviewsTx, cycleNumber: number, stageKey: string): Promise<StageResultView> {
    const rows = (await this.sheets.ofStage(tx, cycleNumber, stageKey)).filter((row) =>
      (COUNTED_STATES as readonly string[]).includes(row.status),
    );
    const sheets: StageSheet[] = [];
    const rubrics = new Map<string, Rubric | undefined>();
    for (const row of rows) {
      const pinned = `${row.rubricKey}@${row.rubricVersion}`;
      if (!rubrics.has(pinned)) rubrics.set(pinned, await this.catalog.of(tx, row.rubricKey, row.rubricVersion));
      const rubric = rubrics.get(pinned);
      sheets.push({
        sheetId: row.id,
        expertId: row.expertId,
        applicationId: row.applicationId,
        applicantKind: row.applicantKind,
        max: rubric ? rubricMax(rubric) : row.total,
        step: rubric?.step ?? 1,
        total: row.total,
      });
    }
    const consensus = new Map(
      (await this.results.consensusOf(tx, cycleNumber, stageKey)).map((row) => [row.sheetId, row]),
    );
    const computed = computeStageResult(
      sheets,
      new Map(
        [...consensus].map(([id, row]) => [
          id,
          { outcome: row.outcome as 'keep' | 'adjust' | 'exclude', adjustedTotal: row.adjustedTotal },
        ]),
      ),
      this.scoring.settings(),
    );
    const applications = await this.applications.all(tx);
    const experts = await this.experts.everyone(tx);
    return toStageResultView({
      cycleNumber,
      stageKey,
      settings: this.scoring.settings(),
      computed,
      consensus,
      cut: await this.results.cut(tx, cycleNumber, stageKey),
      applicantNames: new Map(applications.map((row) => [row.id, row.applicantName])),
      expertNames: new Map(experts.map((row) => [row.id, row.name])),
    });
  }

  private kindOf(result: StageResultView, applicationId: string): string | undefined {
    return result.applications.find((row) => row.applicationId === applicationId)?.applicantKind;
  }
}
