import type { PageRequest, ReviewApplicationView } from '@laurel/contracts';
import { acting, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { applicationNotFound } from '../conflict/conflict.errors';
import { ExpertRepository } from '../expert/expert.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { toReviewApplicationView } from './review-application.mapper';
import { type Reader, ReviewApplicationRepository } from './review-application.repository';

/**
 * Who reads which accepted application: the office and the leading group all; an expert of the pool those it is
 * assigned to and has no
 * recused or undecided conflict with (the filter is in the query: `visibleTo`). A hidden application is a 404, the
 * same answer as one that does not exist, so its existence does not leak.
 */
@Injectable()
export class ReviewApplicationReader {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ReviewApplicationRepository,
    private readonly experts: ExpertRepository,
  ) {}

  async get(id: string): Promise<ReviewApplicationView> {
    const row = await this.database.inTenant(async (tx) => {
      const reader = await this.reader(tx);
      return reader ? this.applications.findVisible(tx, id, reader) : null;
    });
    if (!row) throw applicationNotFound();
    return toReviewApplicationView(row);
  }

  async list(filter: { cycle?: number }, page: PageRequest) {
    const { rows, next } = await this.database.inTenant(async (tx) => {
      const reader = await this.reader(tx);
      return reader ? this.applications.pageVisible(tx, reader, filter, page) : { rows: [], next: null };
    });
    return { applications: rows.map(toReviewApplicationView), next };
  }

  /** The caller as a reader; null for anyone else (an expert account not in the pool sees nothing). */
  private async reader(tx: ReviewsTx): Promise<Reader | null> {
    const who = acting();
    if (who.has('office') || who.has('leading_group')) return { kind: 'office' };
    if (!who.has('expert') || !who.userId) return null;
    const expert = await this.experts.ofUser(tx, who.userId);
    return expert ? { kind: 'expert', expertId: expert.id } : null;
  }
}
