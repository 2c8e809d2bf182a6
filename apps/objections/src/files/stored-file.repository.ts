import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ObjectionsTx } from '../objections-prisma';
import type { AcceptedFile } from './file-intake.service';

@Injectable()
export class StoredFileRepository {
  /** A file, with the policy version of the notice its objection was filed on (whose rules say who may read it). */
  find(tx: ObjectionsTx, id: string) {
    return tx.storedFile.findUnique({
      where: { id },
      include: { objection: { select: { notice: { select: { policyVersion: true } } } } },
    });
  }

  /** Records the accepted files of an objection or a report, with the keys their bytes were stored under. */
  async addAll(
    tx: ObjectionsTx,
    owner: { objectionId: string } | { reportId: string },
    files: readonly AcceptedFile[],
    keys: Map<string, string>,
    createdAt: Date | string,
  ): Promise<void> {
    if (files.length === 0) return;
    const tenantId = RequestContexts.requireTenant();
    await tx.storedFile.createMany({
      data: files.map((file) => ({
        id: file.id,
        tenantId,
        ...owner,
        kind: file.kind,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: keys.get(file.id) as string,
        createdAt,
      })),
    });
  }
}
