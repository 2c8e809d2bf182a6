import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AcceptedFile } from '../files/file-intake.service';
import type { Prisma } from '../generated/prisma/client';
import type { ObjectionsTx } from '../objections-prisma';

const withFiles = { files: { orderBy: { createdAt: 'asc' } } } as const;

export type ReportWithFiles = NonNullable<Awaited<ReturnType<ReportRepository['find']>>>;

@Injectable()
export class ReportRepository {
  async create(
    tx: ObjectionsTx,
    data: Omit<Prisma.ReportUncheckedCreateInput, 'tenantId'>,
    files: readonly AcceptedFile[],
    keys: Map<string, string>,
  ) {
    const tenantId = RequestContexts.requireTenant();
    const row = await tx.report.create({ data: { ...data, tenantId } });
    await tx.storedFile.createMany({
      data: files.map((file) => ({
        id: file.id,
        tenantId,
        reportId: row.id,
        kind: file.kind,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: keys.get(file.id) as string,
        createdAt: data.receivedAt,
      })),
    });
    return row;
  }

  find(tx: ObjectionsTx, id: string) {
    return tx.report.findUnique({ where: { id }, include: withFiles });
  }

  findByTokenHash(tx: ObjectionsTx, tokenHash: string) {
    return tx.report.findUnique({ where: { tokenHash }, include: withFiles });
  }

  list(tx: ObjectionsTx, status?: string) {
    return tx.report.findMany({
      where: status ? { status } : {},
      include: withFiles,
      orderBy: { receivedAt: 'asc' },
      take: 500,
    });
  }

  update(tx: ObjectionsTx, id: string, data: Prisma.ReportUncheckedUpdateInput) {
    return tx.report.update({ where: { id }, data });
  }
}
