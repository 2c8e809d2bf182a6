import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';

export const auditEntrySchema = z.object({
  id: z.uuid(),
  seq: z.number().int().positive(),
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  basis: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  correlationId: z.string().nullable(),
  occurredAt: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** The first sequence number whose entry was changed, removed or re-ordered. */
  brokenAt: z.number().int().positive().nullable(),
  reason: z.string().nullable(),
  /** The entry the chain was last anchored at outside the database (and checked against), if any yet. */
  anchoredSeq: z.number().int().positive().nullable().optional(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** Every service answers `<service>.audit.list` and `<service>.audit.verify` for the tenant in context. */
export const auditListContract = (service: string) =>
  defineQuery(`${service}.audit.list`, {
    request: z
      .object({
        afterSeq: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    response: z.object({ entries: z.array(auditEntrySchema) }),
  });

export const auditVerifyContract = (service: string) =>
  defineQuery(`${service}.audit.verify`, { request: z.object({}).strict(), response: auditVerificationSchema });
