import { TENANT_LEVELS } from '@laurel/contracts';
import { z } from 'zod';

export const createTenantBody = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and -, starting with a letter, 2–40 characters'),
    nameZh: z.string().trim().min(2).max(100),
    nameEn: z.string().trim().min(2).max(200),
    level: z.enum(TENANT_LEVELS),
    divisionCode: z.string().regex(/^[1-9]\d{5}$/, 'a 6-digit administrative division code (GB/T 2260)'),
  })
  .strict();
export type CreateTenantBody = z.infer<typeof createTenantBody>;
