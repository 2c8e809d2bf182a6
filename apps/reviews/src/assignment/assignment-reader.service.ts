import { Database, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { AssignmentRepository } from './assignment.repository';

/**
 * What other parts of the reviews service (scoring, votes) ask of assignments: whether an expert reviews an
 * application in a stage. False for a pair the expert has a recused or undecided conflict with (`visibleTo`), even
 * before the assignment is withdrawn.
 */
@Injectable()
export class AssignmentReader {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly assignments: AssignmentRepository,
  ) {}

  isAssigned(tenantId: string, stageId: string, applicationId: string, expertId: string): Promise<boolean> {
    return this.inTenant(tenantId, (tx) => this.assignments.isAssigned(tx, { stageId, applicationId, expertId }));
  }

  /** The experts currently assigned to an application in a stage (ids, sorted). */
  async expertsOf(tenantId: string, stageId: string, applicationId: string): Promise<string[]> {
    const rows = await this.inTenant(tenantId, (tx) => this.assignments.ofStage(tx, stageId));
    return rows.filter((row) => row.applicationId === applicationId).map((row) => row.expertId);
  }

  private inTenant<T>(tenantId: string, fn: (tx: ReviewsTx) => Promise<T>): Promise<T> {
    if (RequestContexts.current()?.tenantId === tenantId) return this.database.inTenant(fn);
    return RequestContexts.run(RequestContexts.system(tenantId), () => this.database.inTenant(fn));
  }
}
