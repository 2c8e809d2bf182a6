import type { PageRequest } from '@laurel/contracts';
import { FieldCipher, pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AcceptedFile } from '../files/file-intake.service';
import { StoredFileRepository } from '../files/stored-file.repository';
import type { Prisma } from '../generated/prisma/client';
import type { ObjectionsTx } from '../objections-prisma';

const full = {
  notice: true,
  entry: true,
  files: { orderBy: { createdAt: 'asc' } },
  investigators: { orderBy: { assignedAt: 'asc' } },
  findings: { orderBy: { recordedAt: 'asc' } },
} as const;

export type ObjectionWithDetails = NonNullable<Awaited<ReturnType<ObjectionRepository['find']>>>;
export type ObjectionCreate = Omit<Prisma.ObjectionUncheckedCreateInput, 'tenantId'>;

/** The objector's contact details are sealed at rest; this repository seals them on write and opens them on read. */
@Injectable()
export class ObjectionRepository {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly files: StoredFileRepository,
  ) {}

  async create(tx: ObjectionsTx, data: ObjectionCreate, files: readonly AcceptedFile[], keys: Map<string, string>) {
    const tenantId = RequestContexts.requireTenant();
    const row = await tx.objection.create({
      data: {
        ...data,
        tenantId,
        objectorPhone: this.cipher.encryptOptional(data.objectorPhone),
        objectorIdNumber: this.cipher.encryptOptional(data.objectorIdNumber),
        objectorAddress: this.cipher.encryptOptional(data.objectorAddress),
      },
    });
    await this.files.addAll(tx, { objectionId: row.id }, files, keys, data.receivedAt);
    return this.open(row);
  }

  async find(tx: ObjectionsTx, id: string) {
    return this.openOptional(await tx.objection.findUnique({ where: { id }, include: full }));
  }

  async findByReceipt(tx: ObjectionsTx, receiptNumber: string) {
    return this.openOptional(await tx.objection.findUnique({ where: { receiptNumber }, include: full }));
  }

  /** A page of objections, oldest first. */
  async list(tx: ObjectionsTx, filter: { status?: string; overdue?: boolean }, page: PageRequest) {
    const rows = await tx.objection.findMany({
      include: full,
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page, {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.overdue === undefined ? {} : filter.overdue ? { overdueAt: { not: null } } : { overdueAt: null }),
      }),
    });
    return pageOf(
      rows.map((row) => this.open(row)),
      page,
    );
  }

  /**
   * The objection, its row locked until the transaction ends: of two staff deciding it at once, the second waits, then
   * reads the first one's outcome (and is refused) instead of deciding it a second time.
   */
  async findLocked(tx: ObjectionsTx, id: string) {
    await tx.$queryRaw`SELECT id FROM objection WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  update(tx: ObjectionsTx, id: string, data: Prisma.ObjectionUncheckedUpdateInput) {
    return tx.objection.update({ where: { id }, data });
  }

  addInvestigator(tx: ObjectionsTx, data: Omit<Prisma.ObjectionInvestigatorUncheckedCreateInput, 'tenantId'>) {
    return tx.objectionInvestigator.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  addFinding(tx: ObjectionsTx, data: Omit<Prisma.ObjectionFindingUncheckedCreateInput, 'tenantId'>) {
    return tx.objectionFinding.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  /** Every tenant's objections still to be examined (platform path: re-scheduling and recomputing). */
  awaitingExamination(tx: ObjectionsTx, options: { provisionalOnly?: boolean } = {}) {
    return tx.objection.findMany({
      where: {
        status: 'received',
        examDueAt: { not: null },
        ...(options.provisionalOnly ? { examProvisional: true } : {}),
      },
      select: {
        id: true,
        tenantId: true,
        examStart: true,
        examCount: true,
        examUnit: true,
        examLastDay: true,
        examDueAt: true,
        examBasis: true,
        examRuleBasis: true,
        remindAt: true,
        remindedAt: true,
        overdueAt: true,
      },
    });
  }

  private open<
    R extends { objectorPhone: string | null; objectorIdNumber: string | null; objectorAddress: string | null },
  >(row: R): R {
    return {
      ...row,
      objectorPhone: this.cipher.decryptOptional(row.objectorPhone),
      objectorIdNumber: this.cipher.decryptOptional(row.objectorIdNumber),
      objectorAddress: this.cipher.decryptOptional(row.objectorAddress),
    };
  }

  private openOptional<R extends Parameters<ObjectionRepository['open']>[0]>(row: R | null): R | null {
    return row ? this.open(row) : null;
  }
}
