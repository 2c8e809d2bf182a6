import type { PageRequest } from '@laurel/contracts';
import { FieldCipher, pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AcceptedFile } from '../files/file-intake.service';
import { StoredFileRepository } from '../files/stored-file.repository';
import type { Prisma } from '../generated/prisma/client';
import type { ObjectionsTx } from '../objections-prisma';

const withFiles = { files: { orderBy: { createdAt: 'asc' } } } as const;

export type ReportWithFiles = NonNullable<Awaited<ReturnType<ReportRepository['find']>>>;

/** A reporter's identity is sealed at rest; this repository seals it on write and opens it on read. */
@Injectable()
export class ReportRepository {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly files: StoredFileRepository,
  ) {}

  async create(
    tx: ObjectionsTx,
    data: Omit<Prisma.ReportUncheckedCreateInput, 'tenantId'>,
    files: readonly AcceptedFile[],
    keys: Map<string, string>,
  ) {
    const tenantId = RequestContexts.requireTenant();
    const identity = data.reporterIdentity;
    const sealed =
      identity === undefined || identity === null
        ? {}
        : { reporterIdentity: this.cipher.encrypt(JSON.stringify(identity)) };
    const row = await tx.report.create({ data: { ...data, ...sealed, tenantId } });
    await this.files.addAll(tx, { reportId: row.id }, files, keys, data.receivedAt);
    return this.open(row);
  }

  async find(tx: ObjectionsTx, id: string) {
    const row = await tx.report.findUnique({ where: { id }, include: withFiles });
    return row ? this.open(row) : null;
  }

  async findByTokenHash(tx: ObjectionsTx, tokenHash: string) {
    const row = await tx.report.findUnique({ where: { tokenHash }, include: withFiles });
    return row ? this.open(row) : null;
  }

  /** A page of reports, oldest first. */
  async list(tx: ObjectionsTx, status: string | undefined, page: PageRequest) {
    const rows = await tx.report.findMany({
      include: withFiles,
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page, status ? { status } : {}),
    });
    return pageOf(
      rows.map((row) => this.open(row)),
      page,
    );
  }

  private open<R extends { reporterIdentity: Prisma.JsonValue | null }>(row: R): R {
    const sealed = row.reporterIdentity;
    return typeof sealed === 'string'
      ? { ...row, reporterIdentity: JSON.parse(this.cipher.decrypt(sealed)) as Prisma.JsonValue }
      : row;
  }

  update(tx: ObjectionsTx, id: string, data: Prisma.ReportUncheckedUpdateInput) {
    return tx.report.update({ where: { id }, data });
  }
}
