import { randomUUID } from 'node:crypto';
import type { PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import type { Prisma } from '../generated/prisma/client';
import type { Acting } from '../identity/actor.util';
import { type ApplicationWithDetails, toApplicationRecord } from './application.mapper';
import { type ApplicationFilter, applicationFilterOf } from './application-filter.util';

export type { ApplicationWithDetails } from './application.mapper';

/** Who may see an application, as a query: the office and the leading group all; an applicant its own; a recommender those sent to it. */
function visibleTo(who: Acting): Prisma.ApplicationWhereInput {
  if (who.office || who.has('leading_group')) return {};
  const mine: Prisma.ApplicationWhereInput[] = [];
  if (who.userId !== null && who.applicant) mine.push({ applicant: { accountUserId: who.userId } });
  if (who.userId !== null && who.recommender) mine.push({ recommender: { userIds: { has: who.userId } } });
  return { OR: mine };
}

const withDetails = {
  applicant: true,
  recommender: true,
  history: { orderBy: { at: 'asc' } },
} as const satisfies Prisma.ApplicationInclude;

/** The row as Prisma reads it; services get it through `toApplicationRecord`, with its JSON columns typed. */
export type ApplicationRow = Prisma.ApplicationGetPayload<{ include: typeof withDetails }>;
export type ApplicationChange = Prisma.ApplicationUncheckedUpdateInput;

@Injectable()
export class ApplicationRepository {
  async create(tx: ApplicationsTx, data: Omit<Prisma.ApplicationUncheckedCreateInput, 'id' | 'tenantId'>) {
    return tx.application.create({ data: { id: randomUUID(), tenantId: RequestContexts.requireTenant(), ...data } });
  }

  async find(tx: ApplicationsTx, id: string): Promise<ApplicationWithDetails | null> {
    const row = await tx.application.findUnique({ where: { id }, include: withDetails });
    return row ? toApplicationRecord(row) : null;
  }

  /** Locks the row for the transition (two transitions of one application never interleave). */
  async lock(tx: ApplicationsTx, id: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM application WHERE id = ${id}::uuid FOR UPDATE`;
  }

  /** The application as it is once locked: what a concurrent change committed meanwhile is seen. */
  async findLocked(tx: ApplicationsTx, id: string) {
    await this.lock(tx, id);
    return this.find(tx, id);
  }

  ofApplicant(tx: ApplicationsTx, applicantId: string, cycleNumber: number) {
    return tx.application.findFirst({ where: { applicantId, cycleNumber } });
  }

  /** The applications matching `where` (a bounded set, e.g. by id), oldest first. */
  async list(tx: ApplicationsTx, where: Prisma.ApplicationWhereInput): Promise<ApplicationWithDetails[]> {
    const rows = await tx.application.findMany({
      where,
      include: withDetails,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toApplicationRecord);
  }

  /** A page of the applications of a cycle (or all) that the viewer may see, oldest first. */
  async page(tx: ApplicationsTx, filter: ApplicationFilter & { viewer: Acting }, page: PageRequest) {
    const rows = await tx.application.findMany({
      include: withDetails,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page, { AND: [applicationFilterOf(filter), visibleTo(filter.viewer)] }),
    });
    const { rows: pageRows, next } = pageOf(rows, page);
    return { rows: pageRows.map(toApplicationRecord), next };
  }

  /** Every tenant's applications in internal publicity whose period was computed on a provisional year. */
  inProvisionalPublicity(tx: ApplicationsTx) {
    return tx.application.findMany({
      where: { status: 'internal_publicity', publicity: { path: ['provisional'], equals: true } },
      select: { id: true, tenantId: true, policyKey: true, plan: true, publicity: true },
    });
  }

  update(tx: ApplicationsTx, id: string, data: ApplicationChange) {
    return tx.application.update({ where: { id }, data });
  }

  addHistory(
    tx: ApplicationsTx,
    entry: Omit<Prisma.ApplicationEventUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<unknown> {
    return tx.applicationEvent.create({
      data: { id: randomUUID(), tenantId: RequestContexts.requireTenant(), ...entry },
    });
  }
}
