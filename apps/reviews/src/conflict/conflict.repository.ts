import { randomUUID } from 'node:crypto';
import type { PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';
import { HIDING_STATES } from './conflict.lifecycle';

const withDetails = {
  expert: { select: { name: true } },
  memberUnit: { select: { name: true } },
  application: { select: { applicantName: true } },
  // The clock may stand still (tests, rehearsals): the raising row (no from-state) comes first, then by time.
  history: { orderBy: [{ fromStatus: { sort: 'asc', nulls: 'first' } }, { at: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.ConflictFlagInclude;

export type ConflictRow = Prisma.ConflictFlagGetPayload<{ include: typeof withDetails }>;

export interface ConflictFilter {
  status?: string;
  partyKind?: string;
  expertId?: string;
  applicationId?: string;
}

/** Conflict flags, their history and the office's detection settings. */
@Injectable()
export class ConflictRepository {
  find(tx: ReviewsTx, id: string): Promise<ConflictRow | null> {
    return tx.conflictFlag.findUnique({ where: { id }, include: withDetails });
  }

  /** Locks the flag for a decision (two decisions of one flag never interleave) and reads it again. */
  async findLocked(tx: ReviewsTx, id: string): Promise<ConflictRow | null> {
    await tx.$queryRaw`SELECT id FROM conflict_flag WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  /** The flag already raised for this expert, application, kind and evidence, if any. */
  existing(tx: ReviewsTx, key: { expertId: string; applicationId: string; kind: string; evidence: string }) {
    const { expertId, applicationId, kind, evidence } = key;
    return tx.conflictFlag.findUnique({
      where: { expertId_applicationId_kind_evidence: { expertId, applicationId, kind, evidence } },
    });
  }

  async create(
    tx: ReviewsTx,
    data: Omit<Prisma.ConflictFlagUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<ConflictRow> {
    const id = randomUUID();
    await tx.conflictFlag.create({ data: { ...data, id, tenantId: RequestContexts.requireTenant() } });
    return (await this.find(tx, id)) as ConflictRow;
  }

  async update(tx: ReviewsTx, id: string, data: Prisma.ConflictFlagUncheckedUpdateInput): Promise<void> {
    await tx.conflictFlag.update({ where: { id }, data });
  }

  async addHistory(
    tx: ReviewsTx,
    data: Omit<Prisma.ConflictFlagHistoryUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<void> {
    await tx.conflictFlagHistory.create({
      data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() },
    });
  }

  async page(tx: ReviewsTx, filter: ConflictFilter, page: PageRequest) {
    const where: Prisma.ConflictFlagWhereInput = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.partyKind ? { partyKind: filter.partyKind } : {}),
      ...(filter.expertId ? { expertId: filter.expertId } : {}),
      ...(filter.applicationId ? { applicationId: filter.applicationId } : {}),
    };
    const rows = await tx.conflictFlag.findMany({
      ...pageArgs(page, where),
      include: withDetails,
      orderBy: [{ detectedAt: 'asc' }, { id: 'asc' }],
    });
    return pageOf(rows, page);
  }

  /**
   * The pairs among these experts and applications that must not meet: a flag in a hiding state (recused, or not
   * decided yet: `HIDING_STATES`, the visibility rule's own states).
   */
  async hidingPairs(
    tx: ReviewsTx,
    expertIds: string[],
    applicationIds: string[],
  ): Promise<{ expertId: string; applicationId: string }[]> {
    const rows = await tx.conflictFlag.findMany({
      where: { expertId: { in: expertIds }, applicationId: { in: applicationIds }, status: { in: [...HIDING_STATES] } },
      select: { expertId: true, applicationId: true },
    });
    return rows.map((row) => ({ expertId: row.expertId as string, applicationId: row.applicationId }));
  }

  /**
   * The flags in a hiding state that keep this member unit or office user away from these applications: it votes on
   * none of them (a member unit), it decides none of them (an office user).
   */
  barring(
    tx: ReviewsTx,
    party: { memberUnitId: string } | { officeUserId: string },
    applicationIds: string[],
  ): Promise<{ id: string; applicationId: string; basis: string; kind: string; status: string }[]> {
    return tx.conflictFlag.findMany({
      where: { ...party, applicationId: { in: applicationIds }, status: { in: [...HIDING_STATES] } },
      select: { id: true, applicationId: true, basis: true, kind: true, status: true },
      orderBy: [{ detectedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** The already-raised flag of a member unit or office user on this application, kind and evidence. */
  existingOfParty(
    tx: ReviewsTx,
    key: ({ memberUnitId: string } | { officeUserId: string }) & {
      applicationId: string;
      kind: string;
      evidence: string;
    },
  ) {
    return tx.conflictFlag.findFirst({ where: key });
  }

  settings(tx: ReviewsTx) {
    return tx.conflictSettings.findUnique({ where: { tenantId: RequestContexts.requireTenant() } });
  }

  async putSettings(
    tx: ReviewsTx,
    data: { pastEmployerWindowYears: number; reason: string; decidedBy: string | null; decidedAt: Date },
  ): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    await tx.conflictSettings.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
  }
}
