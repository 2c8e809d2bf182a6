import { platformConfigSchema } from '@laurel/platform';
import { z } from 'zod';

/**
 * Development only: `npm start` and the tests run without a configured key. Every real deployment must set
 * `LAUREL_APPLICATIONS_DATA_KEY` (rows encrypted with this key are readable by anyone with the source).
 */
const DEVELOPMENT_DATA_KEY = Buffer.alloc(32, 'laurel-development-only-data-key').toString('base64');

/** The applications service's environment: the platform's plus the key of ID and phone numbers at rest. */
export const applicationsConfigSchema = platformConfigSchema
  .extend({
    /** 32 bytes, base64: AES-256-GCM for ID and phone numbers, and (derived) the HMAC of identities. */
    LAUREL_APPLICATIONS_DATA_KEY: z
      .string()
      .default(DEVELOPMENT_DATA_KEY)
      .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, {
        message: 'must be 32 bytes, base64 (e.g. `openssl rand -base64 32`)',
      }),
  })
  .superRefine((config, context) => {
    if (config.NODE_ENV === 'production' && config.LAUREL_APPLICATIONS_DATA_KEY === DEVELOPMENT_DATA_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['LAUREL_APPLICATIONS_DATA_KEY'],
        message: 'is required in production (32 bytes, base64): the development key is public',
      });
    }
  });
export type ApplicationsConfig = z.infer<typeof applicationsConfigSchema>;
export const APPLICATIONS_CONFIG = Symbol('APPLICATIONS_CONFIG');
