import path from 'node:path';
import { dataKeySchema, platformConfigSchema, requireOwnDataKeyInProduction } from '@laurel/platform';
import { z } from 'zod';
import type { S3FileStoreOptions } from './material/s3-file-store';

/** The applications service's environment: the platform's, the personal-data key, and where materials are kept. */
export const applicationsConfigSchema = platformConfigSchema
  .extend({
    /** 32 bytes, base64: AES-256-GCM for ID and phone numbers, and (derived) the HMAC of identities. */
    LAUREL_APPLICATIONS_DATA_KEY: dataKeySchema,
    /**
     * Where materials' bytes live: `local` (a directory, the default) or `s3` (a bucket of any S3-compatible store:
     * AWS S3, MinIO, OSS, COS, OBS, ...; `LAUREL_APPLICATIONS_S3_*`).
     */
    LAUREL_APPLICATIONS_FILE_STORE: z.enum(['local', 's3'], { error: 'must be "local" or "s3"' }).default('local'),
    /** Directory of the local file store. */
    LAUREL_APPLICATIONS_FILES_DIR: z.string().min(1).default(path.join('.laurel', 'applications-files')),
    /** The S3-compatible endpoint, e.g. `https://minio.example.org:9000`; unset for AWS S3 itself. */
    LAUREL_APPLICATIONS_S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL of an S3-compatible endpoint' })
      .optional(),
    /** The bucket's region (the signature needs one even where the store ignores it). */
    LAUREL_APPLICATIONS_S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be a region name such as us-east-1 or cn-north-1')
      .default('us-east-1'),
    /** The bucket, which must exist; required with the `s3` store. */
    LAUREL_APPLICATIONS_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3-63 lowercase letters, digits, . and -')
      .optional(),
    /** Credentials of the store; required with the `s3` store. */
    LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID: z.string().min(1, 'must not be empty').optional(),
    LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY: z.string().min(1, 'must not be empty').optional(),
    /** Path-style URLs (`<endpoint>/<bucket>/<key>`); default true with an endpoint, false for AWS S3. */
    LAUREL_APPLICATIONS_S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'], { error: 'must be "true" or "false"' })
      .transform((v) => v === 'true')
      .optional(),
    /** Put before every object key, e.g. `laurel/materials/` (a missing final `/` is added); empty by default. */
    LAUREL_APPLICATIONS_S3_KEY_PREFIX: z
      .string()
      .regex(
        /^([A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?)?$/,
        'must be path segments of letters, digits, _ . and - separated by /, e.g. laurel/materials/',
      )
      .default('')
      .transform((v) => (v === '' || v.endsWith('/') ? v : `${v}/`)),
    /** Largest material file, decoded (one message carries at most `MAX_MATERIAL_MESSAGE_BYTES` today). */
    LAUREL_APPLICATIONS_MAX_FILE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
  })
  .superRefine(requireOwnDataKeyInProduction('LAUREL_APPLICATIONS_DATA_KEY'))
  .superRefine((config, ctx) => {
    if (config.LAUREL_APPLICATIONS_FILE_STORE !== 's3') return;
    for (const variable of S3_REQUIRED) {
      if (config[variable] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: 'is required with LAUREL_APPLICATIONS_FILE_STORE=s3',
        });
      }
    }
  });
export type ApplicationsConfig = z.infer<typeof applicationsConfigSchema>;
export const APPLICATIONS_CONFIG = Symbol('APPLICATIONS_CONFIG');

const S3_REQUIRED = [
  'LAUREL_APPLICATIONS_S3_BUCKET',
  'LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID',
  'LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY',
] as const;

/** The S3 store's settings from a parsed configuration whose store is `s3` (the schema requires them there). */
export function s3FileStoreOptionsOf(config: ApplicationsConfig): S3FileStoreOptions {
  const bucket = config.LAUREL_APPLICATIONS_S3_BUCKET;
  const accessKeyId = config.LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID;
  const secretAccessKey = config.LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY;
  if (bucket === undefined || accessKeyId === undefined || secretAccessKey === undefined) {
    throw new Error(`the S3 file store needs ${S3_REQUIRED.join(', ')}`);
  }
  const endpoint = config.LAUREL_APPLICATIONS_S3_ENDPOINT;
  return {
    endpoint,
    region: config.LAUREL_APPLICATIONS_S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: config.LAUREL_APPLICATIONS_S3_FORCE_PATH_STYLE ?? endpoint !== undefined,
    keyPrefix: config.LAUREL_APPLICATIONS_S3_KEY_PREFIX,
  };
}
