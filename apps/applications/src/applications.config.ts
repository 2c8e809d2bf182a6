import { dataKeySchema, platformConfigSchema, requireOwnDataKeyInProduction } from '@laurel/platform';
import type { z } from 'zod';

/** The applications service's environment: the platform's plus the key of ID and phone numbers at rest. */
export const applicationsConfigSchema = platformConfigSchema
  .extend({
    /** 32 bytes, base64: AES-256-GCM for ID and phone numbers, and (derived) the HMAC of identities. */
    LAUREL_APPLICATIONS_DATA_KEY: dataKeySchema,
  })
  .superRefine(requireOwnDataKeyInProduction('LAUREL_APPLICATIONS_DATA_KEY'));
export type ApplicationsConfig = z.infer<typeof applicationsConfigSchema>;
export const APPLICATIONS_CONFIG = Symbol('APPLICATIONS_CONFIG');
