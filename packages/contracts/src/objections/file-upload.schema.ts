import { z } from 'zod';

/** File types the public may send: images and PDF, checked against the bytes, not only the declared type. */
export const UPLOAD_CONTENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
/** Largest file, decoded. */
export const MAX_UPLOAD_BYTES = 256 * 1024;
/** Largest sum of all files of one request, decoded (a NATS message carries them). */
export const MAX_UPLOAD_TOTAL_BYTES = 600 * 1024;

/** A file sent inline as base64. */
export const fileUploadSchema = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((name) => !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), {
        message: 'a plain file name',
        params: { zh: '须为不含路径和控制字符的文件名' },
      }),
    contentType: z.enum(UPLOAD_CONTENT_TYPES),
    contentBase64: z
      .string()
      .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
  })
  .strict();
export type FileUpload = z.infer<typeof fileUploadSchema>;

/** What is kept of a file: never its bytes in a message. */
export const storedFileSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['evidence', 'identity_proof', 'signature', 'official_seal']),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
