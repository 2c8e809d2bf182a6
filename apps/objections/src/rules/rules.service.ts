import { isDeepStrictEqual } from 'node:util';
import {
  DomainError,
  type FieldError,
  fieldErrorsFromZod,
  getCycle,
  getPolicy,
  type ObjectionRulesBody,
  type PolicyVersionView,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, ServiceClient } from '@laurel/platform';
import { objectionsSchema, noticeSchema as policyNoticeSchema, reportsSchema } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { ObjectionsTx, PrismaClient } from '../objections-prisma';
import { RulesRepository, type RulesRow } from './rules.repository';

export type ObjectionsSection = z.infer<typeof objectionsSchema>;
export type ReportsSection = z.infer<typeof reportsSchema>;
export type PolicyNotice = z.infer<typeof policyNoticeSchema>;

/** A tenant's objection rules, checked with the policy schema. */
export interface TenantRules {
  policyKey: string;
  policyVersion: number;
  objections: ObjectionsSection;
  reports: ReportsSection;
  notices: PolicyNotice[];
}

const sections = z.object({
  objections: objectionsSchema,
  reports: reportsSchema,
  notices: z.array(policyNoticeSchema),
});

/** `ili` + `第十八条` → `ili 第十八条`: every basis names the jurisdiction whose article decided it. */
export const cite = (rules: { policyKey: string }, basis: string | null | undefined): string | null =>
  basis ? `${rules.policyKey} ${basis}` : null;

const view = (row: RulesRow) => ({
  policyKey: row.policyKey,
  policyVersion: row.policyVersion,
  objections: row.objections as Record<string, unknown>,
  reports: row.reports as Record<string, unknown>,
  notices: row.notices as Record<string, unknown>[],
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy,
});

/**
 * Each tenant's objection rules, one set per policy version, kept here (the objections service never reads another
 * service's tables). Fed by the awards service's policy events (`PolicyRulesConsumer`), and recordable by
 * `objections.rules.put`. A cycle pins its policy version, so a notice keeps the rules of the version it opened with
 * (architecture: "a new version applies to the next cycle"); a version's rules are therefore never changed.
 */
@Injectable()
export class RulesService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly rules: RulesRepository,
    private readonly client: ServiceClient,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  put(body: ObjectionRulesBody) {
    return this.database.inTenant((tx) => this.putIn(tx, body));
  }

  /**
   * Records a version's rules inside the caller's transaction (the policy consumer records its inbox entry with
   * it). The same rules again answer the recorded ones; other rules for a recorded version are a conflict.
   */
  async putIn(tx: ObjectionsTx, body: ObjectionRulesBody) {
    const parsed = checked(body);
    const recorded = await this.rules.ofVersion(tx, body.policyVersion);
    if (recorded) return view(this.sameOrConflict(recorded, body, parsed));
    const previous = await this.rules.latest(tx);
    const row = {
      policyKey: body.policyKey,
      policyVersion: body.policyVersion,
      objections: parsed.objections,
      reports: parsed.reports,
      notices: parsed.notices,
      updatedAt: this.clock.now(),
      updatedBy: acting().userId,
    };
    if (!(await this.rules.insert(tx, row))) {
      // Recorded by a concurrent writer since the read above.
      return view(this.sameOrConflict((await this.rules.ofVersion(tx, body.policyVersion)) as RulesRow, body, parsed));
    }
    await this.audit.record(tx, {
      action: 'rules.put',
      targetType: 'objection_rules',
      targetId: `${row.policyKey}@${row.policyVersion}`,
      before: previous ? { policyKey: previous.policyKey, policyVersion: previous.policyVersion } : null,
      after: { policyKey: row.policyKey, policyVersion: row.policyVersion },
    });
    return view(row);
  }

  /** The newest version's rules, or the given version's. */
  async get(version?: number) {
    const row = await this.database.inTenant((tx) =>
      version === undefined ? this.rules.latest(tx) : this.rules.ofVersion(tx, version),
    );
    if (!row) throw version === undefined ? notSet() : versionNotRecorded(version);
    return view(row);
  }

  /** The newest version's rules for the tenant in context (reports, notices opened without a version), or null. */
  async current(tx: ObjectionsTx): Promise<TenantRules | null> {
    return parsedRules(await this.rules.latest(tx));
  }

  /** The rules that govern a notice and its objections: those of its pinned version. */
  async ofNotice(tx: ObjectionsTx, notice: { policyVersion: number | null }): Promise<TenantRules | null> {
    if (notice.policyVersion === null) return this.current(tx);
    return parsedRules(await this.rules.ofVersion(tx, notice.policyVersion));
  }

  /**
   * Makes sure a pinned version's rules are here before a notice opens with them: a version whose policy event has
   * not arrived yet is fetched from the awards service (outside any transaction) and recorded.
   */
  async ensureVersion(version: number): Promise<void> {
    const recorded = await this.database.inTenant((tx) => this.rules.ofVersion(tx, version));
    if (recorded) return;
    let body: ObjectionRulesBody;
    try {
      body = await this.fromAwards(version);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      throw DomainError.validation([
        { field: 'body.policyVersion', reason: { zh: '没有这一版政策', en: 'is not a version of this policy' } },
      ]);
    }
    await this.database.inTenant((tx) => this.putIn(tx, body));
  }

  /**
   * The policy version a cycle of the awards service pinned, for a notice that names its cycle (by its number). A number
   * the awards service has no cycle for is refused.
   */
  async versionOfCycle(cycleNumber: number): Promise<number> {
    try {
      return (await this.client.request(getCycle, { number: cycleNumber })).policyVersion;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      throw DomainError.validation([
        { field: 'body.cycleNumber', reason: { zh: '没有这一届评选', en: 'is not a cycle of this award' } },
      ]);
    }
  }

  /** A policy version's objection, report and notice sections, as the awards service holds them. */
  async fromAwards(version: number): Promise<ObjectionRulesBody> {
    const policy: PolicyVersionView = await this.client.request(getPolicy, { version });
    const document = policy.policy as Record<string, unknown>;
    const procedure = isObject(document.procedure) ? document.procedure : {};
    return {
      policyKey: String(document.key),
      policyVersion: policy.version,
      objections: isObject(document.objections) ? document.objections : {},
      reports: isObject(document.reports) ? document.reports : {},
      notices: Array.isArray(procedure.notices) ? (procedure.notices as Record<string, unknown>[]) : [],
    };
  }

  private sameOrConflict(recorded: RulesRow, body: ObjectionRulesBody, parsed: Sections): RulesRow {
    const same =
      recorded.policyKey === body.policyKey && isDeepStrictEqual(sections.parse({ ...recorded }), { ...parsed });
    if (same) return recorded;
    throw new DomainError({
      code: 'conflict',
      detail: {
        zh: `第 ${body.policyVersion} 版政策的异议规则已记录，不可更改；如需调整，请发布新版本`,
        en: `The objection rules of policy version ${body.policyVersion} are recorded and never change; publish a new version instead`,
      },
      fields: [{ field: 'body.policyVersion', reason: { zh: '该版本已记录', en: 'is already recorded' } }],
    });
  }
}

type Sections = z.infer<typeof sections>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The sections checked with the policy schema; a stage listed twice is refused. */
function checked(body: ObjectionRulesBody): Sections {
  const parsed = sections.safeParse({ objections: body.objections, reports: body.reports, notices: body.notices });
  if (!parsed.success) throw DomainError.validation(fieldErrorsFromZod(parsed.error, 'body'));
  const stages = new Set<string>();
  const duplicates: FieldError[] = [];
  parsed.data.notices.forEach((notice, i) => {
    if (stages.has(notice.stage)) {
      duplicates.push({ field: `body.notices[${i}].stage`, reason: { zh: '阶段重复', en: 'is listed twice' } });
    }
    stages.add(notice.stage);
  });
  if (duplicates.length > 0) throw DomainError.validation(duplicates);
  return parsed.data;
}

function parsedRules(row: RulesRow | null): TenantRules | null {
  if (!row) return null;
  return { policyKey: row.policyKey, policyVersion: row.policyVersion, ...sections.parse(row) };
}

const versionNotRecorded = (version: number) =>
  DomainError.notFound({
    zh: `没有第 ${version} 版政策的异议规则`,
    en: `No objection rules are recorded for policy version ${version}`,
  });

export const notSet = () =>
  new DomainError({
    code: 'conflict',
    detail: {
      zh: '本辖区尚未设定异议与举报规则，请先由办公室或运维人员设定',
      en: 'The objection rules of this jurisdiction are not set yet; the office or the operator must set them first',
    },
  });
