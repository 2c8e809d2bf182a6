import type { MaterialView } from '@laurel/contracts';
import type { MaterialVersionRow, MaterialWithVersions } from './material.repository';

/** A material as answered, with the versions the caller may see. */
export function toMaterialView(row: MaterialWithVersions, versions: readonly MaterialVersionRow[]): MaterialView {
  return {
    id: row.id,
    applicationId: row.applicationId,
    title: row.title,
    tradeSecret: row.tradeSecret,
    currentVersion: versions.at(-1)?.version ?? row.currentVersion,
    versions: versions.map((v) => ({
      version: v.version,
      filename: v.filename,
      contentType: v.contentType,
      size: v.size,
      sha256: v.sha256,
      frozenAt: v.frozenAt?.toISOString() ?? null,
      uploadedBy: v.uploadedBy,
      uploadedAt: v.uploadedAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
