import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { isoDateSchema, localisedTextSchema, tierKeySchema } from './awards-common.schema';
import { titleSchema } from './title.contract';

/**
 * A certificate's public number: `<award year>-<sequence, 4+ digits>-<check code>`, e.g. `2026-0007-K7Q2M9`. The
 * check code (six characters without 0/O/1/I/L) makes numbers unguessable for the public verification URL.
 */
export const certificateNumberSchema = z
  .string()
  .regex(/^\d{4}-\d{4,}-[2-9A-HJKMNP-Z]{6}$/, 'a certificate number such as 2026-0007-K7Q2M9');

/** A numbered certificate (证书) of a title. */
export const certificateSchema = z.object({
  id: z.uuid(),
  titleId: z.uuid(),
  number: certificateNumberSchema,
  year: z.number().int(),
  sequence: z.number().int(),
  issuedAt: z.string(),
  /** The public page's path (`/p/{tenantKey}/certificates/{number}`); the QR code carries it with the site's origin. */
  verifyPath: z.string(),
});
export type CertificateView = z.infer<typeof certificateSchema>;

/** Issue the title's certificate (the office); once per title: a second call answers the same certificate. */
export const certificateIssue = defineCommand('awards.certificate.issue', {
  request: z.object({ titleId: z.uuid() }).strict(),
  response: certificateSchema,
});

/** The title's certificate, for the office or the title's holder (their own only). */
export const certificateGet = defineQuery('awards.certificate.get', {
  request: z.object({ titleId: z.uuid() }).strict(),
  response: certificateSchema,
});

/** The certificate as a PDF (Chinese text, the title's use rules, a QR code to the public page). */
export const certificateDocument = defineQuery('awards.certificate.document', {
  request: z
    .object({
      titleId: z.uuid(),
      /** The site's origin the QR code points at (e.g. `https://zlj.linxia.gov.cn`). */
      publicOrigin: z.url({ protocol: /^https?$/ }),
    })
    .strict(),
  response: z.object({ filename: z.string(), contentType: z.literal('application/pdf'), contentBase64: z.string() }),
});

/** What the public page says about a certificate: valid, expired, lost at re-evaluation, or revoked. */
export const certificateVerdictSchema = z.enum(['valid', 'expired', 'lost', 'revoked']);
export type CertificateVerdict = z.infer<typeof certificateVerdictSchema>;

/**
 * The public verification answer. No personal data: no ID number, phone or address; an organisation's name in full;
 * an individual's name with the given name masked (ADR "certificate verification").
 */
export const certificateVerificationSchema = z.object({
  number: certificateNumberSchema,
  verdict: certificateVerdictSchema,
  holder: z.object({ kind: z.enum(['organisation', 'individual']), name: z.string() }),
  tier: tierKeySchema,
  tierName: localisedTextSchema,
  programmeName: localisedTextSchema,
  year: z.number().int(),
  cycleNumber: z.number().int(),
  validFrom: isoDateSchema,
  /** null: the regulation gives the title no validity period. */
  validUntil: isoDateSchema.nullable(),
  validityBasis: z.string(),
  /** The decision that ended the title (revocation: body, 文号, date, article); null while none is recorded. */
  decision: z
    .object({
      kind: z.enum(['revocation', 'lost_at_re_evaluation']),
      body: z.string().nullable(),
      documentNumber: z.string().nullable(),
      decidedOn: isoDateSchema,
      basis: z.string(),
    })
    .nullable(),
  /** The day (Asia/Shanghai) the answer was given. */
  checkedOn: isoDateSchema,
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;

export const certificateVerify = defineQuery('awards.certificate.verify', {
  request: z.object({ number: certificateNumberSchema }).strict(),
  response: certificateVerificationSchema,
});

/** An applicant's titles with their certificates (the applicant portal; the office may read any applicant's). */
export const certificateHoldings = defineQuery('awards.certificate.holdings', {
  request: z.object({ applicantId: z.uuid() }).strict(),
  response: z.object({
    items: z.array(z.object({ title: titleSchema, certificate: certificateSchema.nullable() })),
  }),
});
