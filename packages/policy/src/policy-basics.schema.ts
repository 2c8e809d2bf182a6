import { z } from 'zod';

/** Shared pieces of the policy document: articles, texts, enums, periods, the regulation. (Part of the policy document: `policy.schema.ts`.) */

export const articleNumber = '[零〇一二三四五六七八九十百千]+';
export const itemNumber = '[一二三四五六七八九十]+';
export const articlePattern = new RegExp(
  `^第${articleNumber}条(?:第${itemNumber}款)?(?:（${itemNumber}）|第（${itemNumber}）项)?$`,
);

/**
 * The implementing documents a regulation leaves rules to, cited by these names when the text gives no title
 * (申报通知 the yearly call, 实施细则 the implementing rules, 评价标准 / 评审标准 an evaluation standard "另行制定",
 * 实施指南, 工作程序); a titled document is cited as "《…》", optionally with its article.
 */
export const implementingDocumentNames = [
  '申报通知',
  '实施细则',
  '评价标准',
  '评审标准',
  '实施指南',
  '工作程序',
] as const;

const articleBody = `第${articleNumber}条(?:第${itemNumber}款)?(?:（${itemNumber}）|第（${itemNumber}）项)?`;
export const implementingDocumentPattern = new RegExp(
  `^(?:《[^《》;]+》|${implementingDocumentNames.join('|')})(?:${articleBody})?(?:（另行制定）)?$`,
);

/** The accepted ways to cite, for error messages. */
export const basisForms =
  'articles as written in the text ("第十九条", "第二十八条第二款", "第十七条（一）"), an implementing document ' +
  `("《某某市质量奖实施细则》第五条", "${implementingDocumentNames.join('", "')}", "评价标准（另行制定）"), ` +
  'several joined by "; " ("第二十八条; 申报通知")';

/**
 * True for "第十九条", "第二十八条第二款", "第十七条（一）", "第二十八条; 第二十九条", and for an implementing document
 * the regulation leaves a rule to: "申报通知", "实施细则第五条", "评价标准（另行制定）", "《某某市质量奖实施细则》第五条".
 */
export function isBasis(value: string): boolean {
  const segments = value.split('; ');
  return (
    segments.length > 0 &&
    segments.every((segment) => articlePattern.test(segment) || implementingDocumentPattern.test(segment))
  );
}

/** True when every segment cites an article of the regulation itself (no implementing document). */
export function citesOnlyArticles(value: string): boolean {
  return value.split('; ').every((segment) => articlePattern.test(segment));
}

export const basisSchema = z.string().refine(isBasis, {
  message: `must cite ${basisForms}`,
  params: { zh: '须按原文引用条款（如“第十九条”）或实施文件（如“申报通知”“《某某市质量奖实施细则》第五条”）' },
});

export const localizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

export const isoDateSchema = z.iso.date({ message: 'a full ISO date YYYY-MM-DD (e.g. "2025-04-01")' });

/**
 * A date the text may give without its day ("2025年3月印发"): "YYYY-MM" or "YYYY-MM-DD". Only where nothing is
 * computed from it (the issue date); where a date is computed with, the text's month is read to a day and the
 * reading recorded (`textGives: "month"` and a note).
 */
export const isoDateOrMonthSchema = z.union([isoDateSchema, z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/)], {
  message: 'a full ISO date YYYY-MM-DD, or YYYY-MM where the text gives no day (e.g. "2025-03")',
});

/** The text gives only a month: `date` is the reading taken (e.g. the month's first day), explained in `note`. */
export const textGivesSchema = z.literal('month').optional();

/** "原则上": the rule may be departed from with a reason the deciding body records. Omitted: binding. */
export const inPrincipleSchema = z.boolean().optional();

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

/**
 * award (质量奖 itself), nomination (提名奖), and the further tiers texts name: excellence (优秀奖, e.g. 质量管理优秀奖),
 * special (特别奖 / 特别贡献奖).
 */
export const tierKeySchema = z.enum(['award', 'nomination', 'excellence', 'special']);

export const levelSchema = z.enum(['province', 'prefecture', 'city', 'county', 'district']);

export const periodUnitSchema = z.enum(['working_days', 'calendar_days']);

/** A period such as "不少于5个工作日" (minimum: true) or "公示期为7个工作日" (minimum: false). */
export const periodSchema = z.strictObject({
  count: z.int().positive(),
  unit: periodUnitSchema,
  minimum: z.boolean(),
  /** "原则上不少于…": the office may set another period with a recorded reason. */
  inPrinciple: inPrincipleSchema,
});

/** A length counted in years or in cycles (届); a cycle's length comes from `cycle.years`. */
export const yearsOrCyclesSchema = z.strictObject({
  unit: z.enum(['years', 'cycles']),
  count: z.int().positive(),
});

// ---------------------------------------------------------------------------------------------
// Regulation

export const inForceSchema = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('on_issue'),
    date: isoDateSchema,
    textGives: textGivesSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({
    rule: z.literal('on_publication'),
    date: isoDateSchema,
    textGives: textGivesSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({
    rule: z.literal('days_after_publication'),
    days: z.int().positive(),
    /** The date this rule gives, computed by people and explained in `note`. */
    date: isoDateSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({
    rule: z.literal('fixed_date'),
    date: isoDateSchema,
    textGives: textGivesSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
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
  z.strictObject({
    rule: z.literal('fixed_date'),
    date: isoDateSchema,
    textGives: textGivesSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
]);

export const regulationSchema = z.strictObject({
  title: localizedTextSchema,
  /** 文号, e.g. "伊州政办规〔2024〕4号"; null when the text carries none. */
  documentNumber: z.string().trim().min(1).nullable(),
  issuer: localizedTextSchema,
  /** YYYY-MM-DD, or YYYY-MM where the text gives no day. */
  issued: isoDateOrMonthSchema,
  inForce: inForceSchema,
  /** null: the text sets no expiry. */
  expires: expiresSchema.nullable(),
  replaces: z
    .strictObject({
      title: localizedTextSchema,
      documentNumber: z.string().trim().min(1).nullable(),
      issued: isoDateOrMonthSchema.nullable(),
      basis: basisSchema,
    })
    .optional(),
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Applicants and eligibility
