import path from 'node:path';
import { dataKeySchema, platformConfigSchema, requireOwnDataKeyInProduction } from '@laurel/platform';
import { z } from 'zod';

/** The objections service's environment: the platform's plus where files are kept and the personal-data key. */
export const objectionsConfigSchema = platformConfigSchema
  .extend({
    /** Directory of the local file store (evidence, proofs of identity, seals). */
    LAUREL_OBJECTIONS_FILES_DIR: z.string().min(1).default(path.join('.laurel', 'objections-files')),
    /** 32 bytes, base64: seals objectors' phone, ID number and address and reporters' identities at rest. */
    LAUREL_OBJECTIONS_DATA_KEY: dataKeySchema,
  })
  .superRefine(requireOwnDataKeyInProduction('LAUREL_OBJECTIONS_DATA_KEY'));
export type ObjectionsConfig = z.infer<typeof objectionsConfigSchema>;
export const OBJECTIONS_CONFIG = Symbol('OBJECTIONS_CONFIG');
