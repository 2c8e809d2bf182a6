import {
  type ConflictDecisionBody,
  type ConflictDeclareBody,
  type ConflictSettingsBody,
  type ConflictSettingsView,
  type ConflictView,
  type PageRequest,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { conflictBasisOf, DEFAULT_PAST_EMPLOYER_WINDOW_YEARS } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import { expertNotFound } from '../expert/expert.errors';
import { ExpertRepository } from '../expert/expert.repository';
import type { PrismaClient } from '../reviews-prisma';
import { applicationNotFound, conflictNotFound, dismissalNeedsReason } from './conflict.errors';
import { toConflictView } from './conflict.mapper';
import { type ConflictFilter, ConflictRepository, type ConflictRow } from './conflict.repository';
import { ConflictDetection } from './conflict-detection.service';
import { ConflictTransitions } from './conflict-transitions.service';

/** Conflict flags: the office lists and decides them; an expert declares its own; the office sets the window. */
@Injectable()
export class ConflictService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly conflicts: ConflictRepository,
    private readonly transitions: ConflictTransitions,
    private readonly detection: ConflictDetection,
    private readonly experts: ExpertRepository,
    private readonly applications: ReviewApplicationRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async list(filter: ConflictFilter, page: PageRequest) {
    const { rows, next } = await this.database.inTenant((tx) => this.conflicts.page(tx, filter, page));
    return { conflicts: rows.map(toConflictView), next };
  }

  async get(id: string): Promise<ConflictView> {
    const row = await this.database.inTenant((tx) => this.conflicts.find(tx, id));
    if (!row) throw conflictNotFound();
    return toConflictView(row);
  }

  /** The office recuses the expert, or dismisses the flag with a reason; the decision is final. */
  async decide(id: string, body: ConflictDecisionBody): Promise<ConflictView> {
    if (body.decision === 'dismiss' && !body.reason) throw dismissalNeedsReason();
    const row = await this.database.inTenant(async (tx) => {
      const locked = await this.conflicts.findLocked(tx, id);
      if (!locked) throw conflictNotFound();
      await this.transitions.apply(tx, locked, body.decision, body.reason ?? null);
      return (await this.conflicts.find(tx, id)) as ConflictRow;
    });
    return toConflictView(row);
  }

  /**
   * The expert declares an interest in an application it may see: recused at once. An application it may not see
   * (already hidden, or none) is a 404, so a declaration learns nothing.
   */
  async declare(body: ConflictDeclareBody): Promise<ConflictView> {
    const who = acting();
    const row = await this.database.inTenant(async (tx) => {
      const expert = who.userId ? await this.experts.ofUser(tx, who.userId) : null;
      if (!expert) throw expertNotFound();
      const visible = await this.applications.findVisible(tx, body.applicationId, {
        kind: 'expert',
        expertId: expert.id,
      });
      if (!visible) throw applicationNotFound();
      return this.transitions.raise(tx, 'declare', {
        partyKind: 'expert',
        expertId: expert.id,
        applicationId: visible.id,
        kind: 'declared',
        evidence: body.relation,
        basis: conflictBasisOf(await this.detection.policyKey()),
        reason: body.relation,
      });
    });
    return toConflictView((await this.database.inTenant((tx) => this.conflicts.find(tx, row.id))) as ConflictRow);
  }

  async settings(): Promise<ConflictSettingsView> {
    const basis = conflictBasisOf(await this.detection.policyKey());
    const row = await this.database.inTenant((tx) => this.conflicts.settings(tx));
    return {
      pastEmployerWindowYears: row?.pastEmployerWindowYears ?? DEFAULT_PAST_EMPLOYER_WINDOW_YEARS,
      reason: row?.reason ?? null,
      decidedBy: row?.decidedBy ?? null,
      decidedAt: row?.decidedAt.toISOString() ?? null,
      basis,
    };
  }

  /** The office records the past-employer window (who, when, why) and detection reruns for every pair. */
  async putSettings(body: ConflictSettingsBody): Promise<ConflictSettingsView> {
    const basis = conflictBasisOf(await this.detection.policyKey());
    await this.database.inTenant(async (tx) => {
      const before = await this.conflicts.settings(tx);
      const decided = { ...body, decidedBy: acting().label, decidedAt: this.clock.now() };
      await this.conflicts.putSettings(tx, decided);
      await this.audit.record(tx, {
        action: 'conflict-settings.put',
        targetType: 'conflict-settings',
        targetId: 'past-employer-window',
        basis,
        before: before ? { pastEmployerWindowYears: before.pastEmployerWindowYears } : null,
        after: { pastEmployerWindowYears: body.pastEmployerWindowYears, reason: body.reason },
      });
      await this.detection.everything(tx);
    });
    return this.settings();
  }
}
