import { type AwardsCandidateListView, awardsCandidateListGet, DomainError } from '@laurel/contracts';
import { Database, Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { CandidateListRepository, type CandidateListRow } from './candidate-list.repository';

@Controller()
export class CandidateListHandler {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly lists: CandidateListRepository,
  ) {}

  @Handles(awardsCandidateListGet)
  async get(request: { cycleNumber: number }): Promise<AwardsCandidateListView> {
    const row = await this.database.inTenant((tx) => this.lists.ofCycle(tx, request.cycleNumber));
    if (!row)
      throw DomainError.notFound({ zh: '本届尚未收到候选获奖名单', en: 'No candidate list received for the cycle' });
    return toView(row);
  }
}

const toView = (row: CandidateListRow): AwardsCandidateListView => ({
  listId: row.listId,
  cycleNumber: row.cycleNumber,
  stages: row.stages,
  entries: row.entries.map((e) => ({
    applicationId: e.applicationId,
    applicantId: e.applicantId,
    applicantName: e.applicantName,
    applicantKind: e.applicantKind as 'organisation' | 'individual',
    position: e.position,
    voteTier: e.voteTier,
    deliberationTier: e.deliberationTier,
    proposedTier: e.proposedTier,
  })),
  basis: row.basis,
  publishedBy: row.publishedBy,
  publishedAt: row.publishedAt.toISOString(),
  receivedAt: row.receivedAt.toISOString(),
});
