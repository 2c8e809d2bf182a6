import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';
import { creditCodeSchema, idNumberSchema } from '../objections/identity.schema';
import { localisedTextSchema } from './awards-common.schema';

/** Who asks: an organisation by its 统一社会信用代码, an individual by its resident ID number. */
export const banCheckIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), creditCode: creditCodeSchema }).strict(),
  z.object({ kind: z.literal('individual'), idNumber: idNumberSchema }).strict(),
]);
export type BanCheckIdentity = z.infer<typeof banCheckIdentitySchema>;

/**
 * Whom a revocation case or a ban is about, as the awards service keeps it: an organisation by its 统一社会信用代码
 * (also on the cross-tenant register), an individual by the applicant the applications service registered once per ID
 * number — the awards service never stores an ID number.
 */
export const recordedIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), creditCode: z.string() }).strict(),
  z.object({ kind: z.literal('individual'), applicantId: z.uuid() }).strict(),
]);
export type RecordedIdentity = z.infer<typeof recordedIdentitySchema>;

/**
 * A flag of the cross-tenant register: another jurisdiction revoked this organisation's award or banned it. The
 * tenant, the kind, until when (a ban: the first year it may apply there again) and the article — never the file.
 */
export const crossTenantFlagSchema = z.object({
  tenantKey: z.string(),
  kind: z.enum(['revocation', 'ban']),
  untilYear: z.number().int().nullable(),
  article: z.string(),
  recordedOn: z.string(),
});
export type CrossTenantFlag = z.infer<typeof crossTenantFlagSchema>;

const allowedFromSchema = z.object({ cycle: z.number().int(), year: z.number().int() });

export const banCheckSchema = z.object({
  /** allowed, refused (an earlier award's waiting period or a ban covers the cycle), or needs a person's decision. */
  outcome: z.enum(['allowed', 'refused', 'needs_decision']),
  cycle: z.object({ number: z.number().int().positive(), year: z.number().int() }),
  policyVersion: z.number().int().positive(),
  findings: z.array(
    z.object({
      source: z.enum(['award', 'ban']),
      outcome: z.enum(['allowed', 'refused', 'needs_decision']),
      basis: z.string().nullable(),
      reason: localisedTextSchema,
      allowedFrom: allowedFromSchema.optional(),
    }),
  ),
  allowedFrom: allowedFromSchema.nullable(),
  /** What the answer rests on: the articles of the findings, or that nothing is on record. */
  basis: localisedTextSchema,
  /** Other jurisdictions' revocations and bans of the organisation (the cross-tenant register); they decide nothing here. */
  crossTenantFlags: z.array(crossTenantFlagSchema),
  checkedAt: z.string(),
});
export type BanCheckView = z.infer<typeof banCheckSchema>;

/**
 * May this applicant apply in this cycle? `checkReapplication` (@laurel/policy) over the titles and application
 * bans the awards service holds for the identity, under the cycle's pinned policy version.
 */
export const banCheck = defineQuery('awards.ban.check', {
  request: z
    .object({
      identity: banCheckIdentitySchema,
      cycleNumber: z.number().int().positive(),
      /**
       * The applicant the applications service registered for the identity (once per ID number, sealed there): an
       * individual's titles and bans are found by it, since the awards service keeps no ID number.
       */
      applicantId: z.uuid().optional(),
    })
    .strict(),
  response: banCheckSchema,
});

/** The cross-tenant register's flags for a credit code, from jurisdictions other than the asking one. */
export const crossTenantFlags = defineQuery('awards.register.flags', {
  request: z.object({ creditCode: creditCodeSchema }).strict(),
  response: z.object({ flags: z.array(crossTenantFlagSchema) }),
});
