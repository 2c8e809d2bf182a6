import { DomainError, type RecommenderView, type recommenderCreateBody } from '@laurel/contracts';
import { AuditTrail, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { PrismaClient } from '../applications-prisma';
import { acting, notAllowed } from '../identity/actor.util';
import { RecommenderRepository, type RecommenderRow } from './recommender.repository';

const view = (row: RecommenderRow): RecommenderView => ({
  id: row.id,
  name: row.name,
  kind: row.kind as RecommenderView['kind'],
  userIds: row.userIds,
  createdAt: row.createdAt.toISOString(),
});

/** The tenant's recommenders (departments and entrusted associations), kept by the office. */
@Injectable()
export class RecommenderService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly recommenders: RecommenderRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(body: z.output<typeof recommenderCreateBody>): Promise<RecommenderView> {
    const who = acting();
    if (!who.office) throw notAllowed();
    const row = await this.database.inTenant(async (tx) => {
      if (await this.recommenders.byName(tx, body.name)) {
        throw new DomainError({
          code: 'conflict',
          detail: { zh: `推荐单位「${body.name}」已存在`, en: `Recommender "${body.name}" exists already` },
          fields: [{ field: 'body.name', reason: { zh: '已存在', en: 'exists already' } }],
        });
      }
      const created = await this.recommenders.create(tx, {
        name: body.name,
        kind: body.kind,
        userIds: body.userIds,
        createdBy: who.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'recommender.create',
        targetType: 'recommender',
        targetId: created.id,
        after: { name: created.name, kind: created.kind, userIds: created.userIds },
      });
      return created;
    });
    return view(row);
  }

  /**
   * The users who act for a recommender, for the services that show a recommender what concerns it (objections: ili
   * 第二十一条). Asked service to service; the gateway routes no request here.
   */
  async members(recommenderId: string) {
    const row = await this.database.inTenant((tx) => this.recommenders.find(tx, recommenderId));
    if (!row) throw DomainError.notFound({ zh: '未找到该推荐单位', en: 'No such recommender' });
    return { recommenderId: row.id, userIds: row.userIds };
  }

  /** Applicants choose from the list; only the office sees who acts for each. */
  async list() {
    const who = acting();
    const rows = await this.database.inTenant((tx) => this.recommenders.list(tx));
    return {
      recommenders: rows.map((row) => {
        const { userIds, ...rest } = view(row);
        return who.office ? { ...rest, userIds } : rest;
      }),
    };
  }
}
