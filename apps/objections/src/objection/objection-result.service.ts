import { DomainError, type ObjectionResultView, recommenderMembers } from '@laurel/contracts';
import { acting, Database, ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { PrismaClient } from '../objections-prisma';
import { cite, RulesService } from '../rules/rules.service';
import { ObjectionRepository, type ObjectionWithDetails } from './objection.repository';

const notFound = () => DomainError.notFound({ zh: '未找到该异议', en: 'No such objection' });
const isUuid = (value: string) => z.uuid().safeParse(value).success;

const view = (row: ObjectionWithDetails, notifiedBasis: string | null): ObjectionResultView => ({
  id: row.id,
  receiptNumber: row.receiptNumber,
  noticeId: row.noticeId,
  noticeTitle: row.notice.title,
  entry: {
    id: row.entry.id,
    subjectKind: row.entry.subjectKind,
    subjectId: row.entry.subjectId,
    subjectName: row.entry.subjectName,
  },
  recommender: { id: row.entry.recommenderId as string, name: row.entry.recommenderName ?? '' },
  outcome: row.outcome as 'upheld' | 'dismissed',
  prohibitedGround: row.prohibitedGround,
  disqualify: row.outcome === 'upheld' && row.prohibitedGround,
  reasons: row.outcomeReasons ?? '',
  decidedAt: (row.decidedAt as Date).toISOString(),
  basis: row.outcomeBasis,
  notifiedBasis,
});

/**
 * The result of an objection for the recommender of its entry, where the regulation sends it the result (ili
 * 第二十一条: "领导小组办公室应当将异议处理结果书面告知异议人，并通报审核推荐单位"). Which users act for a recommender is the
 * applications service's knowledge (`applications.recommender.members`), asked when the result is read, so a
 * recommender's members are never copied here and a change of them counts at once.
 */
@Injectable()
export class ObjectionResultService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly rules: RulesService,
    private readonly client: ServiceClient,
  ) {}

  async result(id: string): Promise<ObjectionResultView> {
    const actor = acting();
    if (!actor.userId || !actor.has('recommender')) throw notFound();
    const { row, rules } = await this.database.inTenant(async (tx) => {
      const found = await this.objections.find(tx, id);
      if (!found) throw notFound();
      return { row: found, rules: await this.rules.ofNotice(tx, found.notice) };
    });
    const result = rules?.objections.result ?? null;
    if (!rules || !result?.notified.includes('recommender')) {
      throw new DomainError({
        code: 'forbidden',
        detail: {
          zh: '按本辖区规定，异议处理结果不通报推荐单位',
          en: 'Under this jurisdiction’s rules the result of an objection is not sent to the recommender',
        },
        ...(rules ? { basis: cite(rules, result?.basis ?? rules.objections.basis) ?? undefined } : {}),
      });
    }
    const recommenderId = row.entry.recommenderId;
    if (!recommenderId || !isUuid(recommenderId)) throw notFound();
    const members = await this.client.request(recommenderMembers, { recommenderId }).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'not_found' ? notFound() : error;
    });
    if (!members.userIds.includes(actor.userId)) throw notFound();
    if (!row.outcome || !row.decidedAt) {
      throw DomainError.conflict({ zh: '该异议尚未作出处理结果', en: 'This objection has not been decided yet' });
    }
    return view(row, cite(rules, result.basis));
  }
}
