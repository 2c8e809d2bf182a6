import { platformConfigSchema } from '@laurel/platform';
import type { z } from 'zod';

/** The funds service's environment: the platform's (it keeps no personal data that needs its own key). */
export const fundsConfigSchema = platformConfigSchema;
export type FundsConfig = z.infer<typeof fundsConfigSchema>;
