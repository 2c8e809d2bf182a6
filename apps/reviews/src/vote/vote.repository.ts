import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

const withDetails = {
  candidates: { orderBy: { position: 'asc' } },
  ballots: { include: { memberUnit: true }, orderBy: { memberUnit: { recordedAt: 'asc' } } },
} as const satisfies Prisma.VoteInclude;
export type VoteRow = Prisma.VoteGetPayload<{ include: typeof withDetails }>;
export type BallotRow = Prisma.BallotGetPayload<{ include: { memberUnit: true } }>;

/** Votes, their slates, ballots and ballot box. */
@Injectable()
export class VoteRepository {
  find(tx: ReviewsTx, id: string): Promise<VoteRow | null> {
    return tx.vote.findUnique({ where: { id }, include: withDetails });
  }
  /** Locks the vote's row for the rest of the transaction. */
  async findLocked(tx: ReviewsTx, id: string): Promise<VoteRow | null> {
    await tx.$queryRaw`SELECT id FROM vote WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }
  ofCycle(tx: ReviewsTx, cycleNumber: number): Promise<VoteRow | null> {
    return tx.vote.findUnique({
      where: { tenantId_cycleNumber: { tenantId: RequestContexts.requireTenant(), cycleNumber } },
      include: withDetails,
    });
  }
  list(tx: ReviewsTx, cycle?: number): Promise<VoteRow[]> {
    return tx.vote.findMany({
      where: cycle ? { cycleNumber: cycle } : {},
      include: withDetails,
      orderBy: { cycleNumber: 'desc' },
    });
  }
  async create(tx: ReviewsTx, data: { cycleNumber: number; basis: string; createdAt: Date }): Promise<string> {
    const id = randomUUID();
    await tx.vote.create({ data: { ...data, id, status: 'draft', tenantId: RequestContexts.requireTenant() } });
    return id;
  }
  async update(tx: ReviewsTx, id: string, data: Prisma.VoteUncheckedUpdateInput): Promise<void> {
    await tx.vote.update({ where: { id }, data });
  }
  async replaceSlate(tx: ReviewsTx, voteId: string, applicationIds: readonly string[]): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    await tx.voteCandidate.deleteMany({ where: { voteId } });
    await tx.voteCandidate.createMany({
      data: applicationIds.map((applicationId, position) => ({ voteId, tenantId, applicationId, position })),
    });
  }
  async issueBallots(tx: ReviewsTx, voteId: string, memberUnitIds: readonly string[]): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    await tx.ballot.createMany({
      data: memberUnitIds.map((memberUnitId) => ({
        id: randomUUID(),
        tenantId,
        voteId,
        memberUnitId,
        status: 'draft',
      })),
    });
  }
  ballotOf(tx: ReviewsTx, voteId: string, memberUnitId: string): Promise<BallotRow | null> {
    return tx.ballot.findUnique({
      where: { voteId_memberUnitId: { voteId, memberUnitId } },
      include: { memberUnit: true },
    });
  }
  async updateBallot(tx: ReviewsTx, id: string, data: Prisma.BallotUncheckedUpdateInput): Promise<void> {
    await tx.ballot.update({ where: { id }, data });
  }
  /** Puts a cast ballot's choices in the box: nothing in the row names the unit or the time. */
  async drop(tx: ReviewsTx, voteId: string, choices: Record<string, string>): Promise<void> {
    await tx.ballotBoxEntry.create({
      data: { id: randomUUID(), tenantId: RequestContexts.requireTenant(), voteId, choices },
    });
  }
  async box(tx: ReviewsTx, voteId: string): Promise<Record<string, string>[]> {
    const rows = await tx.ballotBoxEntry.findMany({ where: { voteId }, orderBy: { id: 'asc' } });
    return rows.map((row) => row.choices as Record<string, string>);
  }
  /** At the tally: every ballot's sealed choices are erased, so nothing links a unit to its choices any more. */
  async eraseChoices(tx: ReviewsTx, voteId: string): Promise<void> {
    await tx.ballot.updateMany({ where: { voteId }, data: { choicesCipher: null } });
  }
}

/** The copied applications by id (for names on the slate and the candidate list). */
export async function applicationsByIds(tx: ReviewsTx, ids: readonly string[]) {
  const rows = await tx.reviewApplication.findMany({ where: { id: { in: [...ids] } } });
  return new Map(rows.map((row) => [row.id, row]));
}
