import { DomainError, type FieldError, fieldErrorsFromZod, type ObjectionRulesBody } from '@laurel/contracts';
import { AuditTrail, Clock, Database, RequestContexts } from '@laurel/platform';
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
 * Each tenant's objection rules, kept here (the objections service never reads another service's tables).
 * Fed by the awards service's policy events (`PolicyRulesConsumer`), and settable by `objections.rules.put`.
 */
@Injectable()
export class RulesService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly rules: RulesRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  put(body: ObjectionRulesBody) {
    return this.database.inTenant((tx) => this.putIn(tx, body));
  }

  /** Sets the rules inside the caller's transaction (the policy consumers record their inbox entry with it). */
  async putIn(tx: ObjectionsTx, body: ObjectionRulesBody) {
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
    const actor = RequestContexts.current()?.actor?.userId ?? null;
    {
      const before = await this.rules.find(tx);
      const row = await this.rules.upsert(tx, {
        policyKey: body.policyKey,
        policyVersion: body.policyVersion,
        objections: parsed.data.objections,
        reports: parsed.data.reports,
        notices: parsed.data.notices,
        updatedAt: this.clock.now(),
        updatedBy: actor,
      });
      await this.audit.record(tx, {
        action: 'rules.put',
        targetType: 'objection_rules',
        targetId: row.tenantId,
        before: before ? { policyKey: before.policyKey, policyVersion: before.policyVersion } : null,
        after: { policyKey: row.policyKey, policyVersion: row.policyVersion },
      });
      return view(row);
    }
  }

  async get() {
    const row = await this.database.inTenant((tx) => this.rules.find(tx));
    if (!row) throw notSet();
    return view(row);
  }

  /** The rules in force for the tenant in context, or null when none were set. */
  async current(tx: ObjectionsTx): Promise<TenantRules | null> {
    const row = await this.rules.find(tx);
    if (!row) return null;
    const parsed = sections.parse({ objections: row.objections, reports: row.reports, notices: row.notices });
    return { policyKey: row.policyKey, policyVersion: row.policyVersion, ...parsed };
  }
}

export const notSet = () =>
  new DomainError({
    code: 'conflict',
    detail: {
      zh: '本辖区尚未设定异议与举报规则，请先由办公室或运维人员设定',
      en: 'The objection rules of this jurisdiction are not set yet; the office or the operator must set them first',
    },
  });
