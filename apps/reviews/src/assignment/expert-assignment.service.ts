import type { MyAssignmentView } from '@laurel/contracts';
import { AuditTrail, acting, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { applicationNotFound } from '../conflict/conflict.errors';
import { ExpertRepository } from '../expert/expert.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { toMyAssignmentView } from './assignment.mapper';
import { AssignmentRepository } from './assignment.repository';

export interface AssignmentGrant {
  applicationId: string;
  expertId: string;
  stageIds: string[];
}

/**
 * What an expert reads of its own assignments. Every read filters by THE visibility rule (`visibleTo`) in the query,
 * so an application the expert has a recused or undecided conflict with is a 404 like one that does not exist.
 */
@Injectable()
export class ExpertAssignmentService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly assignments: AssignmentRepository,
    private readonly experts: ExpertRepository,
    private readonly audit: AuditTrail,
  ) {}

  async mine(): Promise<{ assignments: MyAssignmentView[] }> {
    const rows = await this.database.inTenant(async (tx) => {
      const expertId = await this.expertId(tx);
      return expertId ? this.assignments.ofExpert(tx, expertId) : [];
    });
    return { assignments: rows.map(toMyAssignmentView) };
  }

  /** The expert's current assignments on the application, or 404. */
  check(applicationId: string): Promise<AssignmentGrant> {
    return this.database.inTenant((tx) => this.grant(tx, applicationId));
  }

  /** The same check, and the view recorded in the audit trail. */
  materialView(applicationId: string, materialId: string | null): Promise<AssignmentGrant> {
    return this.database.inTenant(async (tx) => {
      const grant = await this.grant(tx, applicationId);
      await this.audit.record(tx, {
        action: materialId ? 'material.expert-download' : 'material.expert-list',
        targetType: 'application',
        targetId: applicationId,
        basis: null,
        before: null,
        after: { expertId: grant.expertId, materialId, stageIds: grant.stageIds },
      });
      return grant;
    });
  }

  private async grant(tx: ReviewsTx, applicationId: string): Promise<AssignmentGrant> {
    const expertId = await this.expertId(tx);
    const rows = expertId ? await this.assignments.ofExpert(tx, expertId, applicationId) : [];
    if (!expertId || rows.length === 0) throw applicationNotFound();
    return { applicationId, expertId, stageIds: [...new Set(rows.map((r) => r.stageId))] };
  }

  private async expertId(tx: ReviewsTx): Promise<string | null> {
    const who = acting();
    if (!who.has('expert') || !who.userId) return null;
    return (await this.experts.ofUser(tx, who.userId))?.id ?? null;
  }
}
