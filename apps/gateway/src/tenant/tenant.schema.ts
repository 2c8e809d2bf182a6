import { policyDocumentSchema, programmeSchema, TENANT_LEVELS, tenantSchema } from '@laurel/contracts';
import { z } from 'zod';

/** A jurisdiction's registry fields. */
export const tenantFields = z
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
export type TenantFields = z.infer<typeof tenantFields>;

/**
 * POST /tenants: the registry fields and, usually, the jurisdiction's policy document. With a policy, `key`,
 * `nameZh`, `nameEn` and `level` default to the policy's (`key`, `name`, `level`) and `key` must equal it;
 * without one they are required. `divisionCode` is always required (a policy does not carry it).
 */
export const createTenantBody = tenantFields
  .partial({ key: true, nameZh: true, nameEn: true, level: true })
  .extend({ policy: policyDocumentSchema.optional() })
  .strict();
export type CreateTenantBody = z.infer<typeof createTenantBody>;

/** What the tenant service creates: the registry entry and, with a policy, the programme. */
export interface TenantToCreate {
  tenant: TenantFields;
  /** The policy document as sent (already checked by `parsePolicy`), or null. */
  policy: Record<string, unknown> | null;
}

export const createdTenantSchema = tenantSchema.extend({ programme: programmeSchema.nullable() });
