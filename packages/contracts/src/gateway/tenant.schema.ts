import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';

export const TENANT_LEVELS = ['province', 'prefecture', 'city', 'county', 'district'] as const;

/** How zh text names a jurisdiction's level. */
export const tenantLevelLabels: Readonly<Record<(typeof TENANT_LEVELS)[number], string>> = {
  province: '省级',
  prefecture: '地级（州、盟）',
  city: '地级市',
  county: '县级',
  district: '市辖区',
};

/** A jurisdiction's registry entry as the API shows it. */
export const tenantSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: z.enum(TENANT_LEVELS),
  divisionCode: z.string(),
  status: z.enum(['active', 'suspended']),
  createdAt: z.string(),
});
export type TenantView = z.infer<typeof tenantSchema>;

export const tenantCreated = defineEvent('gateway.tenant.created.v1', tenantSchema);
export const tenantSuspended = defineEvent('gateway.tenant.suspended.v1', z.object({ tenantId: z.uuid() }));
export const tenantResumed = defineEvent('gateway.tenant.resumed.v1', z.object({ tenantId: z.uuid() }));
