import { z } from 'zod';

/** Roles a user holds in one tenant; `operator` is platform-wide. */
export const TENANT_ROLES = [
  'office',
  'recommender',
  'expert',
  'leading_group',
  'supervisor',
  'finance',
  'applicant',
  'department',
] as const;
export const tenantRoleSchema = z.enum(TENANT_ROLES);
export type TenantRole = z.infer<typeof tenantRoleSchema>;
export type Role = TenantRole | 'operator';

/** The acting user as carried in the `laurel-actor` header. */
export const actorSchema = z.object({
  userId: z.string().min(1).max(64),
  username: z.string().max(128).optional(),
  roles: z.array(z.string().max(32)).max(16),
  operator: z.boolean().default(false),
});
export type Actor = z.infer<typeof actorSchema>;
