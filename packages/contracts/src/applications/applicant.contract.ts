import { z } from 'zod';
import { crossTenantFlagSchema } from '../awards/ban.contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageQuery, pageRequest } from '../messaging/page.schema';
import { creditCodeSchema, idNumberSchema, phoneSchema } from '../objections/identity.schema';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

/** 法人; 非法人组织; 分支机构; 内设机构; 派出机构 (as in the policy schema). */
export const applicantLegalFormSchema = z.enum([
  'legal_person',
  'unincorporated_organisation',
  'branch',
  'internal_unit',
  'dispatched_unit',
]);
export const applicantOrganisationTypeSchema = z.enum([
  'enterprise',
  'public_institution',
  'social_organisation',
  'government_agency',
  'other',
]);

const organisationInput = z
  .object({
    kind: z.literal('organisation'),
    name: text(200),
    /** 统一社会信用代码, checked with the GB 32100-2015 check character. */
    creditCode: creditCodeSchema,
    registeredOn: isoDate.optional(),
    /** Administrative division code (6 digits) where it is registered. */
    divisionCode: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit administrative division code')
      .optional(),
    legalForm: applicantLegalFormSchema.optional(),
    organisationType: applicantOrganisationTypeSchema.optional(),
    industry: text(100).optional(),
    /** Works in a new-technology, new-industry, new-business-form or new-model field (四新). */
    fourNewField: z.boolean().optional(),
    phone: phoneSchema.optional(),
  })
  .strict();

const individualInput = z
  .object({
    kind: z.literal('individual'),
    name: text(100),
    /** Resident ID number, checked with the GB 11643-1999 check digit. */
    idNumber: idNumberSchema,
    employer: text(200).optional(),
    yearsInQualityWork: z.number().int().min(0).max(80).optional(),
    phone: phoneSchema.optional(),
  })
  .strict();

export const applicantRegisterBody = z.discriminatedUnion('kind', [organisationInput, individualInput]);
export type ApplicantRegisterBody = z.infer<typeof applicantRegisterBody>;

export const applicantSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['organisation', 'individual']),
  name: z.string(),
  creditCode: z.string().nullable(),
  /** Masked (`110105********002X`) except for the office reading one applicant. */
  idNumber: z.string().nullable(),
  /** Masked (`138****5678`) except for the office reading one applicant. */
  phone: z.string().nullable(),
  registeredOn: z.string().nullable(),
  divisionCode: z.string().nullable(),
  legalForm: applicantLegalFormSchema.nullable(),
  organisationType: applicantOrganisationTypeSchema.nullable(),
  industry: z.string().nullable(),
  fourNewField: z.boolean().nullable(),
  employer: z.string().nullable(),
  yearsInQualityWork: z.number().int().nullable(),
  /** The applicant account acting for it. */
  accountUserId: z.string().nullable(),
  /**
   * On registration by the office: other jurisdictions' revocations and bans of the organisation (the cross-tenant
   * register, keyed by the credit code): tenant, kind, until, article — never the file. They refuse nothing here.
   */
  crossTenantFlags: z.array(crossTenantFlagSchema).optional(),
  createdAt: z.string(),
});
export type ApplicantView = z.infer<typeof applicantSchema>;

/**
 * Registers an applicant. An applicant account registers its own (and is linked to it; one per account); the
 * office registers any. One applicant per credit code or ID number in a tenant (409 naming the existing one).
 */
export const applicantRegister = defineCommand('applications.applicant.register', {
  request: applicantRegisterBody,
  response: applicantSchema,
});

export const applicantGet = defineQuery('applications.applicant.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: applicantSchema,
});

/** How the office looks an applicant up: part of its name, or its credit code. */
export const applicantFilter = {
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Part of the name, any case (e.g. `质量` finds 伊犁质量科技有限公司)'),
  creditCode: creditCodeSchema.optional().describe('The 统一社会信用代码, exactly (letters in any case)'),
};

export type ApplicantFilter = { name?: string; creditCode?: string };

/** `GET /tenants/{key}/applicants?name=&creditCode=&after=&limit=`. */
export const applicantListQuery = z.object({ ...applicantFilter, ...pageQuery }).strict();
export type ApplicantListQuery = z.infer<typeof applicantListQuery>;

/** The office: every applicant of the tenant; an applicant account: its own; filtered and paged in the query. */
export const applicantList = defineQuery('applications.applicant.list', {
  request: z.object({ ...applicantFilter, ...pageRequest }).strict(),
  response: z.object({ applicants: z.array(applicantSchema), ...pageNext }),
});
