import { Database, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { ReviewStageRepository, type ReviewStageRow } from './review-stage.repository';

/** What other parts of the reviews service (scoring, votes) read of a review stage: it, its status and entrants. */
@Injectable()
export class StageReader {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly stages: ReviewStageRepository,
  ) {}

  /** The stage in the tenant, or null. */
  get(tenantId: string, stageId: string): Promise<ReviewStageRow | null> {
    return this.inTenant(tenantId, (tx) => this.stages.find(tx, stageId));
  }

  /** Whether the application entered the stage. */
  async isEntrant(tenantId: string, stageId: string, applicationId: string): Promise<boolean> {
    const stage = await this.get(tenantId, stageId);
    return stage?.entrants.some((entrant) => entrant.applicationId === applicationId) ?? false;
  }

  private inTenant<T>(tenantId: string, fn: (tx: ReviewsTx) => Promise<T>): Promise<T> {
    if (RequestContexts.current()?.tenantId === tenantId) return this.database.inTenant(fn);
    return RequestContexts.run(RequestContexts.system(tenantId), () => this.database.inTenant(fn));
  }
}
