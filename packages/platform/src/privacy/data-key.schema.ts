import { z } from 'zod';

/**
 * Development only: `npm start` generates real keys and the tests run without one. A deployment with
 * NODE_ENV=production must set its own key (rows sealed with this one are readable by anyone with the source).
 */
export const DEVELOPMENT_DATA_KEY = Buffer.alloc(32, 'laurel-development-only-data-key').toString('base64');

/** A 32-byte key in base64 (`openssl rand -base64 32`), defaulting to the development key. */
export const dataKeySchema = z
  .string()
  .default(DEVELOPMENT_DATA_KEY)
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, {
    message: 'must be 32 bytes, base64 (e.g. `openssl rand -base64 32`)',
  });

/** For a config schema's superRefine: refuses the development key when NODE_ENV is production. */
export function requireOwnDataKeyInProduction(variable: string) {
  return (config: Record<string, unknown>, context: z.core.$RefinementCtx<Record<string, unknown>>) => {
    if (config.NODE_ENV === 'production' && config[variable] === DEVELOPMENT_DATA_KEY) {
      context.addIssue({
        code: 'custom',
        path: [variable],
        message: 'is required in production (32 bytes, base64): the development key is public',
      });
    }
  };
}
