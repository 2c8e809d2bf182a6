import path from 'node:path';
import { platformConfigSchema } from '@laurel/platform';
import { z } from 'zod';

/** The objections service's environment: the platform's plus where files are kept. */
export const objectionsConfigSchema = platformConfigSchema.extend({
  /** Directory of the local file store (evidence, proofs of identity, seals). */
  LAUREL_OBJECTIONS_FILES_DIR: z.string().min(1).default(path.join('.laurel', 'objections-files')),
});
export type ObjectionsConfig = z.infer<typeof objectionsConfigSchema>;
export const OBJECTIONS_CONFIG = Symbol('OBJECTIONS_CONFIG');
