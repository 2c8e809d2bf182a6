import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import {
  localisedTextSchema,
  noticeFormSchema,
  noticeScopeSchema,
  periodUnitSchema,
  policyDocumentSchema,
  tenantKeySchema,
  tierKeySchema,
} from './awards-common.schema';

/** One immutable version of a programme's policy document. */
export const policyVersionSchema = z.object({
  programmeId: z.uuid(),
  version: z.number().int().positive(),
  /** The first cycle number this version applies to; cycles already opened keep the version they pinned. */
  appliesFromCycle: z.number().int().positive(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  policy: policyDocumentSchema,
});
export type PolicyVersionView = z.infer<typeof policyVersionSchema>;

const versionRequest = z.object({ version: z.number().int().positive().optional() }).strict();

/** A version of the policy (the latest when none is asked for). */
export const getPolicy = defineQuery('awards.policy.get', { request: versionRequest, response: policyVersionSchema });

/**
 * Makes a new policy version, which applies from the next cycle (the open one keeps its own). The document's
 * `key` must stay the tenant key and its `version` must be the next number (an optimistic check: two people
 * editing the same version cannot both win). Creates the programme when the tenant has none yet.
 */
export const putPolicy = defineCommand('awards.policy.put', {
  request: z.object({ tenantKey: tenantKeySchema, policy: policyDocumentSchema }).strict(),
  response: policyVersionSchema.extend({ programmeCreated: z.boolean() }),
});

/** The office's at-a-glance summary of a policy version (`summarizePolicy`), every item with its basis. */
export const policySummarySchema = z.object({
  key: z.string(),
  version: z.number().int().positive(),
  name: localisedTextSchema,
  level: z.string(),
  cycleYears: z.number().int().positive(),
  cycleBasis: z.string(),
  applicantKinds: z.array(
    z.object({
      kind: z.enum(['organisation', 'individual']),
      legalForms: z.array(z.string()).nullable(),
      description: localisedTextSchema,
      basis: z.string(),
    }),
  ),
  tiers: z.array(
    z.object({
      tier: tierKeySchema,
      name: localisedTextSchema,
      quota: z.number().int().nonnegative(),
      quotaBinding: z.enum(['hard', 'in_principle']),
      vacanciesAllowed: z.boolean(),
      /** Integer fen per winner of each applicant kind; null: none stated or the kind may not apply. */
      moneyFen: z.object({
        organisation: z.number().int().nonnegative().nullable(),
        individual: z.number().int().nonnegative().nullable(),
      }),
      /** Per applicant kind: paid as stated (exact) or a cap ("不超过N万元") within which a body decides. */
      moneyAmountIs: z.object({ organisation: z.enum(['exact', 'cap']), individual: z.enum(['exact', 'cap']) }),
      /** "原则上给予…": the amount may be departed from with a recorded reason. */
      moneyInPrinciple: z.boolean(),
      /** Each applicant kind's own quota, where the text sets them; [] for one quota for all kinds. */
      quotaByKind: z.array(
        z.object({
          kind: z.enum(['organisation', 'individual']),
          max: z.number().int().nonnegative(),
          binding: z.enum(['hard', 'in_principle']),
          vacanciesAllowed: z.boolean(),
          basis: z.string(),
        }),
      ),
      moneyForm: z.enum(['prize', 'grant', 'non_cash', 'unspecified']),
      validityYears: z.number().int().positive().nullable(),
      basis: z.string(),
      quotaBasis: z.string(),
      moneyBasis: z.string().nullable(),
    }),
  ),
  notices: z.array(
    z.object({
      stage: z.string(),
      stageName: localisedTextSchema,
      scope: noticeScopeSchema,
      form: noticeFormSchema,
      /** null with unit null: the regulation gives no period; the office sets it. */
      count: z.number().int().positive().nullable(),
      unit: periodUnitSchema.nullable(),
      minimum: z.boolean().nullable(),
      basis: z.string(),
    }),
  ),
  objectionExamination: z
    .object({ count: z.number().int().positive(), unit: periodUnitSchema, minimum: z.boolean(), basis: z.string() })
    .nullable(),
  inForce: z.string(),
  expires: z.string().nullable(),
  /** Sections the operator has not transcribed yet (尚未录入 / not yet transcribed): not silences of the text. */
  untranscribed: z.array(z.object({ section: z.string(), basis: z.string().nullable(), note: z.string().nullable() })),
});
export type PolicySummaryView = z.infer<typeof policySummarySchema>;

export const getPolicySummary = defineQuery('awards.policy.summary', {
  request: versionRequest,
  response: policySummarySchema,
});

export const policyVersioned = defineEvent(
  'awards.policy.versioned.v1',
  z.object({
    programmeId: z.uuid(),
    version: z.number().int().positive(),
    previousVersion: z.number().int().positive(),
    appliesFromCycle: z.number().int().positive(),
  }),
);
