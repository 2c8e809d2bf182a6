import { z } from 'zod';
import { actingRoleSchema, basisSchema, localizedTextSchema, noteSchema, periodSchema } from './policy-basics.schema';

/** Objections (异议) and reports (举报): who receives and decides, identity, examination, results. (Part of the policy document: `policy.schema.ts`.) */

export const personIdentityFieldSchema = z.enum(['name', 'signature', 'phone', 'address', 'identity_proof']);
export const organisationIdentityFieldSchema = z.enum(['address', 'phone', 'official_seal']);

/**
 * One consequence the regulation gives a decided objection: `unfounded` (dismissed, or refused on examination),
 * `founded`, or `founded_on_prohibited_ground` (founded, and the ground is a condition that bars the applicant: ili
 * 第二十一条); `continue` lets the application go on, `disqualify` ends it.
 */
export const objectionEffectSchema = z.strictObject({
  when: z.enum(['unfounded', 'founded', 'founded_on_prohibited_ground']),
  effect: z.enum(['continue', 'disqualify']),
  basis: basisSchema,
});

export const objectionsSchema = z.strictObject({
  /** Whether the text sets out how objections are raised. */
  provided: z.boolean(),
  receiver: localizedTextSchema.nullable(),
  /** The role that receives, examines and investigates objections; omitted: `office`. */
  receiverRole: actingRoleSchema.optional(),
  /** The body that decides objections, when it differs from the receiver. */
  decidedBy: localizedTextSchema.nullable(),
  /** The role that decides them; omitted: the receiver's. */
  deciderRole: actingRoleSchema.optional(),
  inWriting: z.boolean().nullable(),
  evidenceRequired: z.boolean().nullable(),
  /** What an objector must give; null: the text requires no identity. */
  identity: z
    .strictObject({
      person: z.array(personIdentityFieldSchema).min(1),
      organisation: z.array(organisationIdentityFieldSchema).min(1),
      basis: basisSchema,
    })
    .nullable(),
  /** Deadline to examine an objection from its receipt; null: the text gives none. */
  examination: z
    .strictObject({
      period: periodSchema,
      from: z.literal('receipt'),
      receiptIssued: z.boolean(),
      basis: basisSchema,
    })
    .nullable(),
  investigation: z.strictObject({ by: localizedTextSchema, basis: basisSchema, note: noteSchema }).nullable(),
  result: z
    .strictObject({
      notified: z.array(z.enum(['objector', 'recommender'])).min(1),
      objectorConfirms: z.boolean(),
      basis: basisSchema,
      /**
       * What a decided objection does to the entry's subject, each as the text says it with its article; a case the
       * text does not name is left to people (`evaluateObjectionOutcome`). Omitted: the text names none.
       */
      effects: z.array(objectionEffectSchema).optional(),
      note: noteSchema,
    })
    .nullable(),
  basis: basisSchema.nullable(),
  note: noteSchema,
});

export const reportsSchema = z.strictObject({
  provided: z.boolean(),
  receiver: localizedTextSchema.nullable(),
  /**
   * The role that receives reports, answers them and may reveal who reported; omitted: `office` (a regulation that
   * sets up no body for reports leaves them to the office).
   */
  receiverRole: actingRoleSchema.optional(),
  /** null: the text does not say. */
  anonymousAllowed: z.boolean().nullable(),
  realNameEncouraged: z.boolean(),
  reporterConfidential: z.boolean(),
  channelPublished: z.boolean(),
  basis: basisSchema.nullable(),
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Funding
