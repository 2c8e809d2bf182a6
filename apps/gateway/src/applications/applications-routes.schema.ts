import { materialBlobFileSchema } from '@laurel/contracts';
import { z } from 'zod';
import { tenantKeyParam as tenantKey } from '../http/tenant-path.schema';

export const byIdPath = z.object({ tenantKey, id: z.uuid() }).strict();
export type ByIdPath = z.infer<typeof byIdPath>;

export const byCyclePath = z.object({ tenantKey, number: z.coerce.number().int().positive() }).strict();
export type ByCyclePath = z.infer<typeof byCyclePath>;

export const byMaterialPath = z.object({ tenantKey, id: z.uuid(), materialId: z.uuid() }).strict();
export type ByMaterialPath = z.infer<typeof byMaterialPath>;

export const materialDownloadQuery = z.object({ version: z.coerce.number().int().positive().optional() }).strict();
export type MaterialDownloadQuery = z.infer<typeof materialDownloadQuery>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The metadata of a raw binary upload (the body is the file, its Content-Type the file's type). */
export const materialRawUploadQuery = z
  .object({
    title: z.string().trim().min(1).max(200),
    filename: materialBlobFileSchema.shape.filename,
    tradeSecret: flag.default(false),
  })
  .strict();

/** The metadata of a raw binary replacement. */
export const materialRawReplaceQuery = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    filename: materialBlobFileSchema.shape.filename,
    tradeSecret: flag.optional(),
  })
  .strict();
