import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageQuery, pageRequest } from '../messaging/page.schema';
import { creditCodeSchema, idNumberSchema, phoneSchema } from '../objections/identity.schema';

const isoDate = z.iso.date();
const orgName = z.string().trim().min(1).max(200);

/** An organisation by its 统一社会信用代码, with its group's parent where the expert names it. */
const organisation = {
  creditCode: creditCodeSchema,
  name: orgName,
  parentCreditCode: creditCodeSchema.nullable().optional().describe('The group’s parent company (集团), if any'),
};

/** What an expert's profile says: what conflicts are detected from. */
export const expertProfileBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    email: z.email().max(254).nullable().optional(),
    /** Sealed at rest; masked in lists. */
    phone: phoneSchema.nullable().optional(),
    /** Sealed at rest; masked except for the office reading one expert. */
    idNumber: idNumberSchema.nullable().optional(),
    specialities: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    currentEmployer: z.object(organisation).strict().nullable().optional(),
    pastEmployers: z
      .array(z.object({ ...organisation, from: isoDate, to: isoDate }).strict())
      .max(50)
      .default([]),
    engagements: z
      .array(
        z
          .object({
            creditCode: creditCodeSchema,
            name: orgName,
            kind: z.enum(['consulting', 'coaching']).describe('咨询 consulting or 辅导 coaching'),
            from: isoDate,
            to: isoDate.nullable().optional(),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    shareholdings: z
      .array(z.object({ creditCode: creditCodeSchema, name: orgName }).strict())
      .max(100)
      .default([]),
    declaredRelations: z
      .array(
        z.object({ creditCode: creditCodeSchema, name: orgName, relation: z.string().trim().min(1).max(500) }).strict(),
      )
      .max(100)
      .default([]),
  })
  .strict();
export type ExpertProfileBody = z.infer<typeof expertProfileBody>;

export const expertRegisterBody = expertProfileBody
  .extend({
    /** The user account (role `expert`) the expert signs in with; one expert per account. */
    userId: z.uuid(),
  })
  .strict();
export type ExpertRegisterBody = z.infer<typeof expertRegisterBody>;

export const expertSchema = z.object({
  id: z.uuid(),
  userId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  specialities: z.array(z.string()),
  currentEmployer: z
    .object({ creditCode: z.string(), name: z.string(), parentCreditCode: z.string().nullable().optional() })
    .nullable(),
  pastEmployers: z.array(
    z.object({
      creditCode: z.string(),
      name: z.string(),
      parentCreditCode: z.string().nullable().optional(),
      from: z.string(),
      to: z.string(),
    }),
  ),
  engagements: z.array(
    z.object({
      creditCode: z.string(),
      name: z.string(),
      kind: z.enum(['consulting', 'coaching']),
      from: z.string(),
      to: z.string().nullable().optional(),
    }),
  ),
  shareholdings: z.array(z.object({ creditCode: z.string(), name: z.string() })),
  declaredRelations: z.array(z.object({ creditCode: z.string(), name: z.string(), relation: z.string() })),
  status: z.enum(['active']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExpertView = z.infer<typeof expertSchema>;

/** Registers an expert in the tenant's pool (the office); conflicts are detected at once. */
export const expertRegister = defineCommand('reviews.expert.register', {
  request: expertRegisterBody,
  response: expertSchema,
});

/** Replaces an expert's profile (the office, or the expert its own); detection reruns. */
export const expertUpdate = defineCommand('reviews.expert.update', {
  request: z.object({ id: z.uuid(), profile: expertProfileBody }).strict(),
  response: expertSchema,
});

/** One expert: the office any; an expert its own (`me`). */
export const expertGet = defineQuery('reviews.expert.get', {
  request: z.object({ id: z.union([z.uuid(), z.literal('me')]) }).strict(),
  response: expertSchema,
});

export const expertListQuery = z
  .object({
    speciality: z.string().trim().min(1).max(100).optional().describe('Experts with this speciality, exactly'),
    ...pageQuery,
  })
  .strict();
export type ExpertListQuery = z.infer<typeof expertListQuery>;

export const expertList = defineQuery('reviews.expert.list', {
  request: z.object({ speciality: z.string().optional(), ...pageRequest }).strict(),
  response: z.object({ experts: z.array(expertSchema), ...pageNext }),
});
