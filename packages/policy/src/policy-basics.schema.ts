import { z } from 'zod';

/** Shared pieces of the policy document: articles, texts, enums, periods, the regulation. (Part of the policy document: `policy.schema.ts`.) */

export const articleNumber = '[零〇一二三四五六七八九十百千]+';
export const itemNumber = '[一二三四五六七八九十]+';
export const articlePattern = new RegExp(
  `^第${articleNumber}条(?:第${itemNumber}款)?(?:（${itemNumber}）|第（${itemNumber}）项)?$`,
);

/** True for "第十九条", "第二十八条第二款", "第十七条（一）", "第二十八条; 第二十九条". */
export function isBasis(value: string): boolean {
  const segments = value.split('; ');
  return segments.length > 0 && segments.every((segment) => articlePattern.test(segment));
}

export const basisSchema = z.string().refine(isBasis, {
  message: 'must cite articles as written in the text, e.g. "第十九条" or "第二十八条; 第二十九条"',
  params: { zh: '须按条文原文引用条款，如“第十九条”或“第二十八条; 第二十九条”' },
});

export const localizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

export const isoDateSchema = z.iso.date();

export const noteSchema = z.string().trim().min(1).optional();

export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'lower-case letters, digits, "-" or "_"');

/** The jurisdiction's bodies that act on the platform, by their role there (the glossary's roles). */
export const actingRoleSchema = z.enum(['office', 'supervisor', 'leading_group']);
export type ActingRole = z.infer<typeof actingRoleSchema>;

export const applicantKindSchema = z.enum(['organisation', 'individual']);

/** 法人; 非法人组织; 分支机构; 内设机构; 派出机构. */
export const legalFormSchema = z.enum([
  'legal_person',
  'unincorporated_organisation',
  'branch',
  'internal_unit',
  'dispatched_unit',
]);
export type LegalForm = z.infer<typeof legalFormSchema>;

/** How each legal form is named in zh text: never the enum value itself. */
export const legalFormLabels: Readonly<Record<LegalForm, { zh: string; en: string }>> = {
  legal_person: { zh: '法人', en: 'legal person' },
  unincorporated_organisation: { zh: '非法人组织', en: 'unincorporated organisation' },
  branch: { zh: '分支机构', en: 'branch' },
  internal_unit: { zh: '内设机构', en: 'internal unit' },
  dispatched_unit: { zh: '派出机构', en: 'dispatched unit' },
};

/** 企业; 事业单位; 社会组织; 机关; 其他. */
export const organisationTypeSchema = z.enum([
  'enterprise',
  'public_institution',
  'social_organisation',
  'government_agency',
  'other',
]);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

/** How each kind of organisation is named in zh text: never the enum value itself. */
export const organisationTypeLabels: Readonly<Record<OrganisationType, { zh: string; en: string }>> = {
  enterprise: { zh: '企业', en: 'enterprise' },
  public_institution: { zh: '事业单位', en: 'public institution' },
  social_organisation: { zh: '社会组织', en: 'social organisation' },
  government_agency: { zh: '机关', en: 'government agency' },
  other: { zh: '其他', en: 'other' },
};

export const tierKeySchema = z.enum(['award', 'nomination']);

export const levelSchema = z.enum(['province', 'prefecture', 'city', 'county', 'district']);

export const periodUnitSchema = z.enum(['working_days', 'calendar_days']);

/** A period such as "不少于5个工作日" (minimum: true) or "公示期为7个工作日" (minimum: false). */
export const periodSchema = z.strictObject({
  count: z.int().positive(),
  unit: periodUnitSchema,
  minimum: z.boolean(),
});

/** A length counted in years or in cycles (届); a cycle's length comes from `cycle.years`. */
export const yearsOrCyclesSchema = z.strictObject({
  unit: z.enum(['years', 'cycles']),
  count: z.int().positive(),
});

// ---------------------------------------------------------------------------------------------
// Regulation

export const inForceSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('on_issue'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
  z.strictObject({ rule: z.literal('on_publication'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
  z.strictObject({
    rule: z.literal('days_after_publication'),
    days: z.int().positive(),
    /** The date this rule gives, computed by people and explained in `note`. */
    date: isoDateSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({ rule: z.literal('fixed_date'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
]);

export const expiresSchema = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('years_after_in_force'),
    years: z.int().positive(),
    /** The last day in force: the corresponding day `years` after `inForce.date` (民法典 第二百零二条). */
    date: isoDateSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({ rule: z.literal('fixed_date'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
]);

export const regulationSchema = z.strictObject({
  title: localizedTextSchema,
  /** 文号, e.g. "伊州政办规〔2024〕4号"; null when the text carries none. */
  documentNumber: z.string().trim().min(1).nullable(),
  issuer: localizedTextSchema,
  issued: isoDateSchema,
  inForce: inForceSchema,
  /** null: the text sets no expiry. */
  expires: expiresSchema.nullable(),
  replaces: z
    .strictObject({
      title: localizedTextSchema,
      documentNumber: z.string().trim().min(1).nullable(),
      issued: isoDateSchema.nullable(),
      basis: basisSchema,
    })
    .optional(),
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Applicants and eligibility
