import { approveRevocationRequest, dismissRevocationRequest } from '@laurel/contracts';
import { z } from 'zod';
import { tenantKeyParam } from '../http/tenant-path.schema';

export const revocationPath = z
  .object({ tenantKey: tenantKeyParam, id: z.uuid().describe('The revocation case') })
  .strict();
export type RevocationPath = z.infer<typeof revocationPath>;

/** POST …/revocations/{id}/approve: the approving body's act. */
export const approveRevocationBody = approveRevocationRequest.omit({ id: true });
export type ApproveRevocationBody = z.infer<typeof approveRevocationBody>;

export const dismissRevocationBody = dismissRevocationRequest.omit({ id: true });
export type DismissRevocationBody = z.infer<typeof dismissRevocationBody>;

export const dutyRevocationPath = z
  .object({ tenantKey: tenantKeyParam, dutyId: z.uuid().describe('The overdue duty') })
  .strict();
export type DutyRevocationPath = z.infer<typeof dutyRevocationPath>;
