import { dataKeySchema, platformConfigSchema, requireOwnDataKeyInProduction } from '@laurel/platform';
import type { z } from 'zod';

/** The reviews service's environment: the platform's plus the key that seals experts' personal data. */
export const reviewsConfigSchema = platformConfigSchema
  .extend({
    /** 32 bytes, base64: seals experts' phone and ID numbers at rest. */
    LAUREL_REVIEWS_DATA_KEY: dataKeySchema,
  })
  .superRefine(requireOwnDataKeyInProduction('LAUREL_REVIEWS_DATA_KEY'));
export type ReviewsConfig = z.infer<typeof reviewsConfigSchema>;
