import type {
  RubricView,
  ScoreItemInput,
  ScoreSheetDraftBody,
  ScoreSheetRevisionBody,
  ScoreSheetStatus,
  ScoreSheetView,
  StageRubricBody,
} from '@laurel/contracts';
import { DomainError } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import { expertNotFound } from '../expert/expert.errors';
import { ExpertRepository, type ExpertRow } from '../expert/expert.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { RubricCatalog } from '../rubric/rubric-catalog.service';
import { onUniqueViolation } from '../unique-violation.util';
import { scoreSheetTransitionOf } from './score-sheet.lifecycle';
import { type RevisionChanges, toScoreSheetView } from './score-sheet.mapper';
import { ScoreSheetRepository, type ScoreSheetRow } from './score-sheet.repository';
import { sheetIncomplete, sheetNotFound, sheetWrongStatus, unknownRubric } from './scoring.errors';
import { ScoringAccess } from './scoring-access.service';
import { ScoringPolicy, toRubricView } from './scoring-policy.service';
import { unscoredItems, validateScores } from './validate-scores.util';

export interface SheetAddress {
  cycleNumber: number;
  stageKey: string;
  applicationId: string;
}

const totalOf = (items: readonly { score: number }[]) => items.reduce((sum, item) => sum + item.score, 0);
const normalised = (item: ScoreItemInput) => ({
  itemKey: item.itemKey,
  score: item.score,
  strengths: item.strengths || null,
  improvements: item.improvements || null,
});

/**
 * Score sheets: an expert opens, saves and submits its own (once) and revises a submitted one with a reason; the
 * office reads every sheet of a stage and records a stage's rubric where the policy gives none. Every step passes
 * `ScoringAccess.mayScore` and the lifecycle table.
 */
@Injectable()
export class ScoreSheetService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly sheets: ScoreSheetRepository,
    private readonly experts: ExpertRepository,
    private readonly applications: ReviewApplicationRepository,
    private readonly access: ScoringAccess,
    private readonly scoring: ScoringPolicy,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly catalog: RubricCatalog,
  ) {}

  /** The caller's sheet (null before its first save) and the rubric to score by. */
  async mine(address: SheetAddress): Promise<{ rubric: RubricView; sheet: ScoreSheetView | null }> {
    const stage = await this.stageOf(address);
    return this.database.inTenant(async (tx) => {
      const expert = await this.currentExpert(tx);
      const application = await this.access.mayScore(tx, { expertId: expert.id }, stage, address.applicationId, 'read');
      const rubric = await this.scoring.rubricFor(
        tx,
        stage.policy,
        address.cycleNumber,
        address.stageKey,
        application.applicantKind,
      );
      const sheet = await this.sheets.findByKey(tx, { ...address, expertId: expert.id });
      return {
        rubric: toRubricView(rubric),
        sheet: sheet
          ? toScoreSheetView(sheet, { applicantName: application.applicantName, expertName: expert.name })
          : null,
      };
    });
  }

  /**
   * Saves the expert's draft. Two first saves at once (two tabs): the one that loses the insert runs again, finds the
   * sheet and saves over it, as any later draft does.
   */
  async saveDraft(address: SheetAddress, body: ScoreSheetDraftBody): Promise<ScoreSheetView> {
    const stage = await this.stageOf(address);
    const save = () => this.saveDraftIn(stage, address, body);
    return onUniqueViolation(save, save);
  }

  private saveDraftIn(
    stage: Awaited<ReturnType<ScoreSheetService['stageOf']>>,
    address: SheetAddress,
    body: ScoreSheetDraftBody,
  ): Promise<ScoreSheetView> {
    return this.database.inTenant(async (tx) => {
      const expert = await this.currentExpert(tx);
      const application = await this.access.mayScore(tx, { expertId: expert.id }, stage, address.applicationId);
      const existing = await this.sheets.findByKeyLocked(tx, { ...address, expertId: expert.id });
      const from = (existing?.status ?? null) as ScoreSheetStatus | null;
      const transition = scoreSheetTransitionOf('save', from);
      if (!transition) throw sheetWrongStatus(from as ScoreSheetStatus, 'save');
      const { rubric } = existing
        ? { rubric: await this.catalog.of(tx, existing.rubricKey, existing.rubricVersion) }
        : await this.scoring.rubricFor(
            tx,
            stage.policy,
            address.cycleNumber,
            address.stageKey,
            application.applicantKind,
          );
      if (!rubric) throw sheetNotFound();
      const problems = validateScores(rubric, body.items);
      if (problems.length > 0) throw DomainError.validation(problems);
      const now = this.clock.now();
      const id =
        existing?.id ??
        (await this.sheets.create(tx, {
          ...address,
          expertId: expert.id,
          applicantKind: application.applicantKind,
          rubricKey: rubric.key,
          rubricVersion: rubric.version,
          status: transition.to,
          total: 0,
          createdAt: now,
          updatedAt: now,
        }));
      await this.sheets.putItems(tx, id, body.items.map(normalised));
      const saved = (await this.sheets.find(tx, id)) as ScoreSheetRow;
      await this.sheets.update(tx, id, { total: totalOf(saved.items), status: transition.to, updatedAt: now });
      return this.view(tx, id, application.applicantName, expert.name);
    });
  }

  /** Submits the draft, once; every item of the rubric must be scored. */
  async submit(address: SheetAddress): Promise<ScoreSheetView> {
    const stage = await this.stageOf(address);
    return this.database.inTenant(async (tx) => {
      const expert = await this.currentExpert(tx);
      const application = await this.access.mayScore(tx, { expertId: expert.id }, stage, address.applicationId);
      const sheet = await this.sheets.findByKeyLocked(tx, { ...address, expertId: expert.id });
      if (!sheet) throw sheetNotFound();
      const transition = scoreSheetTransitionOf('submit', sheet.status as ScoreSheetStatus);
      if (!transition) throw sheetWrongStatus(sheet.status as ScoreSheetStatus, 'submit');
      const rubric = await this.catalog.of(tx, sheet.rubricKey, sheet.rubricVersion);
      if (!rubric) throw sheetNotFound();
      const missing = unscoredItems(rubric, new Set(sheet.items.map((item) => item.itemKey)));
      if (missing.length > 0) throw sheetIncomplete(missing);
      const now = this.clock.now();
      await this.sheets.update(tx, sheet.id, { status: transition.to, submittedAt: now, updatedAt: now });
      await this.audit.record(tx, {
        action: 'score-sheet.submit',
        targetType: 'score-sheet',
        targetId: sheet.id,
        basis: `${stage.policyKey} ${stage.stage.basis}`,
        before: { status: sheet.status },
        after: { status: transition.to, total: sheet.total },
      });
      return this.view(tx, sheet.id, application.applicantName, expert.name);
    });
  }

  /** Revises a submitted sheet: who, when, why, and each changed item's old and new values are recorded. */
  async revise(id: string, body: ScoreSheetRevisionBody): Promise<ScoreSheetView> {
    return this.database.inTenant(async (tx) => {
      const expert = await this.currentExpert(tx);
      const sheet = await this.sheets.findLocked(tx, id);
      if (!sheet || sheet.expertId !== expert.id) throw sheetNotFound();
      const stage = await this.stageOf(sheet);
      const application = await this.access.mayScore(tx, { expertId: expert.id }, stage, sheet.applicationId);
      const transition = scoreSheetTransitionOf('revise', sheet.status as ScoreSheetStatus);
      if (!transition) throw sheetWrongStatus(sheet.status as ScoreSheetStatus, 'revise');
      const rubric = await this.catalog.of(tx, sheet.rubricKey, sheet.rubricVersion);
      if (!rubric) throw sheetNotFound();
      const problems = validateScores(rubric, body.items);
      if (problems.length > 0) throw DomainError.validation(problems);
      const before = new Map(sheet.items.map((item) => [item.itemKey, item]));
      const changes: RevisionChanges = body.items.map(normalised).map((item) => {
        const old = before.get(item.itemKey);
        return {
          itemKey: item.itemKey,
          old: old ? { score: old.score, strengths: old.strengths, improvements: old.improvements } : null,
          new: { score: item.score, strengths: item.strengths, improvements: item.improvements },
        };
      });
      await this.sheets.putItems(tx, id, body.items.map(normalised));
      const after = (await this.sheets.find(tx, id)) as ScoreSheetRow;
      const newTotal = totalOf(after.items);
      const now = this.clock.now();
      await this.sheets.addRevision(tx, {
        sheetId: id,
        fromStatus: sheet.status,
        toStatus: transition.to,
        reason: body.reason,
        changes,
        oldTotal: sheet.total,
        newTotal,
        actor: acting().label,
        at: now,
      });
      await this.sheets.update(tx, id, { status: transition.to, total: newTotal, updatedAt: now });
      await this.audit.record(tx, {
        action: 'score-sheet.revise',
        targetType: 'score-sheet',
        targetId: id,
        basis: `${stage.policyKey} ${stage.stage.basis}`,
        before: { status: sheet.status, total: sheet.total },
        after: { status: transition.to, total: newTotal, reason: body.reason },
      });
      return this.view(tx, id, application.applicantName, expert.name);
    });
  }

  /** A stage's sheets: the office all of them, an expert its own. */
  async list(cycleNumber: number, stageKey: string): Promise<{ sheets: ScoreSheetView[] }> {
    const who = acting();
    return this.database.inTenant(async (tx) => {
      const office = who.has('office');
      const expert = office ? null : await this.currentExpert(tx);
      const rows = await this.sheets.ofStage(tx, cycleNumber, stageKey, expert?.id);
      const names = await this.names(tx);
      return {
        sheets: rows.map((row) =>
          toScoreSheetView(row, {
            applicantName: names.applications.get(row.applicationId) ?? '',
            expertName: names.experts.get(row.expertId) ?? '',
          }),
        ),
      };
    });
  }

  async rubric(cycleNumber: number, stageKey: string, applicantKind: string): Promise<RubricView> {
    const { policy } = await this.scoring.scoredStage(cycleNumber, stageKey);
    return this.database.inTenant(async (tx) =>
      toRubricView(await this.scoring.rubricFor(tx, policy, cycleNumber, stageKey, applicantKind)),
    );
  }

  /** The office records the rubric of a stage for an applicant kind (who, when, why). */
  async putRubric(cycleNumber: number, stageKey: string, body: StageRubricBody): Promise<RubricView> {
    const { policy, stage } = await this.scoring.scoredStage(cycleNumber, stageKey);
    const put = () =>
      this.database.inTenant(async (tx) => {
        const rubric = await this.catalog.of(tx, body.rubricKey, body.rubricVersion);
        if (!rubric) throw unknownRubric(body.rubricKey, body.rubricVersion);
        const decided = {
          cycleNumber,
          stageKey,
          applicantKind: body.applicantKind,
          rubricKey: rubric.key,
          rubricVersion: rubric.version,
          reason: body.reason,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        };
        await this.sheets.putStageRubric(tx, decided);
        await this.audit.record(tx, {
          action: 'stage-rubric.put',
          targetType: 'stage-rubric',
          targetId: `${cycleNumber}/${stageKey}/${body.applicantKind}`,
          basis: `${policy.key} ${stage.basis}`,
          before: null,
          after: { rubricKey: rubric.key, rubricVersion: rubric.version, reason: body.reason },
        });
        return toRubricView(await this.scoring.rubricFor(tx, policy, cycleNumber, stageKey, body.applicantKind));
      });
    // Two first records at once: the upsert that lost the insert runs again as an update (the later one stands).
    return onUniqueViolation(put, put);
  }

  private async stageOf(address: { cycleNumber: number; stageKey: string }) {
    const { stage, policy, plan } = await this.scoring.scoredStage(address.cycleNumber, address.stageKey);
    return { stage, policy, plan, policyKey: policy.key, cycleNumber: address.cycleNumber };
  }

  private async currentExpert(tx: ReviewsTx): Promise<ExpertRow> {
    const who = acting();
    const expert = who.has('expert') && who.userId ? await this.experts.ofUser(tx, who.userId) : null;
    if (!expert) throw expertNotFound();
    return expert;
  }

  private async view(tx: ReviewsTx, id: string, applicantName: string, expertName: string) {
    return toScoreSheetView((await this.sheets.find(tx, id)) as ScoreSheetRow, { applicantName, expertName });
  }

  private async names(tx: ReviewsTx) {
    const applications = await this.applications.all(tx);
    const experts = await this.experts.everyone(tx);
    return {
      applications: new Map(applications.map((row) => [row.id, row.applicantName])),
      experts: new Map(experts.map((row) => [row.id, row.name])),
    };
  }
}
