import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import type { Prisma } from '../generated/prisma/client';

const withVersions = { versions: { orderBy: { version: 'asc' } } } as const satisfies Prisma.MaterialInclude;
export type MaterialWithVersions = Prisma.MaterialGetPayload<{ include: typeof withVersions }>;
export type MaterialVersionRow = MaterialWithVersions['versions'][number];
export type NewVersion = Omit<Prisma.MaterialVersionUncheckedCreateInput, 'tenantId' | 'materialId' | 'version'>;

@Injectable()
export class MaterialRepository {
  listOf(tx: ApplicationsTx, applicationId: string): Promise<MaterialWithVersions[]> {
    return tx.material.findMany({ where: { applicationId }, include: withVersions, orderBy: { createdAt: 'asc' } });
  }

  find(tx: ApplicationsTx, applicationId: string, id: string): Promise<MaterialWithVersions | null> {
    return tx.material.findFirst({ where: { id, applicationId }, include: withVersions });
  }

  countOf(tx: ApplicationsTx, applicationId: string): Promise<number> {
    return tx.material.count({ where: { applicationId } });
  }

  async create(
    tx: ApplicationsTx,
    material: { applicationId: string; title: string; tradeSecret: boolean; createdBy: string | null; at: Date },
    version: NewVersion,
  ): Promise<string> {
    const tenantId = RequestContexts.requireTenant();
    const id = randomUUID();
    await tx.material.create({
      data: {
        id,
        tenantId,
        applicationId: material.applicationId,
        title: material.title,
        tradeSecret: material.tradeSecret,
        currentVersion: 1,
        createdBy: material.createdBy,
        createdAt: material.at,
        updatedAt: material.at,
        versions: { create: { ...version, tenantId, version: 1 } },
      },
    });
    return id;
  }

  /** A new version n+1 beside the frozen ones. */
  async addVersion(
    tx: ApplicationsTx,
    materialId: string,
    version: number,
    data: NewVersion,
    change: Prisma.MaterialUncheckedUpdateInput,
  ): Promise<void> {
    await tx.materialVersion.create({
      data: { ...data, tenantId: RequestContexts.requireTenant(), materialId, version },
    });
    await tx.material.update({ where: { id: materialId }, data: { ...change, currentVersion: version } });
  }

  /** Replaces a version never submitted, in place (same number); refused by the row if it was frozen meanwhile. */
  async replaceVersion(
    tx: ApplicationsTx,
    versionId: string,
    data: Omit<NewVersion, 'id'>,
    materialId: string,
    change: Prisma.MaterialUncheckedUpdateInput,
  ): Promise<void> {
    await tx.materialVersion.update({ where: { id: versionId, frozenAt: null }, data });
    await tx.material.update({ where: { id: materialId }, data: change });
  }

  async remove(tx: ApplicationsTx, id: string): Promise<void> {
    await tx.materialVersion.deleteMany({ where: { materialId: id } });
    await tx.material.delete({ where: { id } });
  }

  /** Freezes every version not yet submitted of the application's materials (at submission). */
  async freezeOf(tx: ApplicationsTx, applicationId: string, at: Date): Promise<number> {
    const result = await tx.materialVersion.updateMany({
      where: { frozenAt: null, material: { applicationId } },
      data: { frozenAt: at },
    });
    return result.count;
  }
}
