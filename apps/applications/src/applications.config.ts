import path from 'node:path';
import { dataKeySchema, platformConfigSchema, requireOwnDataKeyInProduction } from '@laurel/platform';
import { z } from 'zod';

/** The applications service's environment: the platform's, the personal-data key, and where materials are kept. */
export const applicationsConfigSchema = platformConfigSchema
  .extend({
    /** 32 bytes, base64: AES-256-GCM for ID and phone numbers, and (derived) the HMAC of identities. */
    LAUREL_APPLICATIONS_DATA_KEY: dataKeySchema,
    /**
     * Where materials' bytes live: `local` (a directory, the default). `s3` (any S3-compatible store) is the
     * planned drop-in behind the same `FileStore` interface and is refused at start until it is built.
     */
    LAUREL_APPLICATIONS_FILE_STORE: z.enum(['local', 's3']).default('local'),
    /** Directory of the local file store. */
    LAUREL_APPLICATIONS_FILES_DIR: z.string().min(1).default(path.join('.laurel', 'applications-files')),
    /** Largest material file, decoded (one message carries at most `MAX_MATERIAL_MESSAGE_BYTES` today). */
    LAUREL_APPLICATIONS_MAX_FILE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
  })
  .superRefine(requireOwnDataKeyInProduction('LAUREL_APPLICATIONS_DATA_KEY'))
  .superRefine((config, ctx) => {
    if (config.LAUREL_APPLICATIONS_FILE_STORE === 's3') {
      ctx.addIssue({
        code: 'custom',
        path: ['LAUREL_APPLICATIONS_FILE_STORE'],
        message: 'the S3-compatible file store is not built yet: use "local"',
      });
    }
  });
export type ApplicationsConfig = z.infer<typeof applicationsConfigSchema>;
export const APPLICATIONS_CONFIG = Symbol('APPLICATIONS_CONFIG');
