import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/** What an application's materials may be: PDF, images, Office documents (OOXML and legacy OLE2). */
export const MATERIAL_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
] as const;
export type MaterialContentType = (typeof MATERIAL_CONTENT_TYPES)[number];

/**
 * Largest file sent inline, decoded: a NATS message (1 MiB by default) carries the base64. Larger files travel as
 * a blob (`blobRef`): the gateway puts the bytes into the JetStream object store and sends the reference; the
 * service's own limit (`LAUREL_APPLICATIONS_MAX_FILE_BYTES`) applies to both.
 */
export const MAX_MATERIAL_MESSAGE_BYTES = 700 * 1024;

/** Downloads above this size come back as a blob reference instead of base64 in the reply. */
export const MATERIAL_INLINE_DOWNLOAD_BYTES = 512 * 1024;

const materialFilename = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), {
    message: 'a plain file name',
    params: { zh: '须为不含路径和控制字符的文件名' },
  });

/** A file sent inline, as base64 (what the HTTP JSON form carries). */
export const materialFileSchema = z
  .object({
    filename: materialFilename,
    contentType: z.enum(MATERIAL_CONTENT_TYPES),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(MAX_MATERIAL_MESSAGE_BYTES / 3) * 4 + 4)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
  })
  .strict();
export type MaterialFile = z.infer<typeof materialFileSchema>;

/**
 * A file handed over in the blob store (`BlobTransfer`): only the gateway sends these, for the raw binary upload;
 * the service takes the blob (read, then delete) and checks it like an inline one.
 */
export const materialBlobFileSchema = z
  .object({
    filename: materialFilename,
    contentType: z.enum(MATERIAL_CONTENT_TYPES),
    blobRef: z.uuid(),
  })
  .strict();
export type MaterialBlobFile = z.infer<typeof materialBlobFileSchema>;

/** The file of an upload or replace on the wire: inline base64 or a blob reference. */
export const materialWireFileSchema = z.union([materialFileSchema, materialBlobFileSchema]);
export type MaterialWireFile = z.infer<typeof materialWireFileSchema>;

export const materialUploadBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** The applicant says the material contains trade secrets: the recommender does not see it. */
    tradeSecret: z.boolean().default(false),
    file: materialFileSchema,
  })
  .strict();

export const materialReplaceBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    tradeSecret: z.boolean().optional(),
    file: materialFileSchema,
  })
  .strict();

export const materialVersionSchema = z.object({
  version: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** When it went out with a submission (it can never change again); null while still replaceable. */
  frozenAt: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export const materialSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  title: z.string(),
  tradeSecret: z.boolean(),
  currentVersion: z.number().int(),
  versions: z.array(materialVersionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MaterialView = z.infer<typeof materialSchema>;

export const stateSecretStatementSchema = z.object({
  noStateSecrets: z.literal(true),
  by: z.string().nullable(),
  at: z.string(),
  /** The policy's article, e.g. "ili 第十条第二款"; null where the regulation has none. */
  basis: z.string().nullable(),
});
export type StateSecretStatement = z.infer<typeof stateSecretStatementSchema>;

export const materialListSchema = z.object({
  /** The statement that the materials contain no state secret, required before submission where the policy has it. */
  stateSecretStatement: stateSecretStatementSchema.nullable(),
  stateSecretStatementRequired: z.boolean(),
  materials: z.array(materialSchema),
});

const byApplication = z.object({ applicationId: z.uuid() }).strict();
const byMaterial = byApplication.extend({ materialId: z.uuid() }).strict();

/** Adds a material (draft, internal publicity or returned for correction; the office or the applicant itself). */
export const materialUpload = defineCommand('applications.material.upload', {
  request: byApplication.extend({ ...materialUploadBody.shape, file: materialWireFileSchema }).strict(),
  response: materialSchema,
});

/**
 * Replaces a material's file: a version never submitted is replaced in place; a submitted (frozen) one stays and
 * the new file is version n+1. Only while the application is a draft, in internal publicity or returned (409).
 */
export const materialReplace = defineCommand('applications.material.replace', {
  request: byMaterial.extend({ ...materialReplaceBody.shape, file: materialWireFileSchema }).strict(),
  response: materialSchema,
});

/** Removes a material never submitted (409 once any version of it was submitted). */
export const materialRemove = defineCommand('applications.material.remove', {
  request: byMaterial,
  response: z.object({ removed: z.literal(true) }),
});

/** The applicant sees all, the recommender all but trade-secret materials, the office all. */
export const materialList = defineQuery('applications.material.list', {
  request: byApplication,
  response: materialListSchema,
});

/** One version's bytes (the current one by default), hash-checked; every read is audited. Large ones as a blob. */
export const materialDownload = defineQuery('applications.material.download', {
  request: byMaterial.extend({ version: z.number().int().positive().optional() }).strict(),
  response: z.object({
    materialId: z.uuid(),
    version: z.number().int(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    tradeSecret: z.boolean(),
    /** The bytes as base64 up to `MATERIAL_INLINE_DOWNLOAD_BYTES`; empty when they come as `blobRef`. */
    contentBase64: z.string(),
    /** Larger files: the blob to take (read, then delete) from the blob store; it expires after an hour. */
    blobRef: z.uuid().optional(),
  }),
});

export const stateSecretStatementBody = z.object({ noStateSecrets: z.literal(true) }).strict();
/** The applicant states that its materials contain no state secret (who, when, on the policy's article). */
export const materialStateSecretStatement = defineCommand('applications.material.state-secret-statement', {
  request: byApplication.extend(stateSecretStatementBody.shape).strict(),
  response: materialListSchema,
});
