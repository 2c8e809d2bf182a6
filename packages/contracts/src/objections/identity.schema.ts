import { z } from 'zod';
import { fileUploadSchema } from './file-upload.schema';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number (公民身份号码, GB 11643): 18 characters with a valid check character. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 (GB 32100): 18 characters with a valid check character. */
export function isCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + weight * USCC_CHARS.indexOf(value[i] ?? ''), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === value[17];
}

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mobile (11 digits) or landline number');
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isResidentIdNumber, {
    message: 'a valid 18-character resident ID number',
    params: { zh: '须为有效的 18 位公民身份号码' },
  });
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCreditCode, {
    message: 'a valid 18-character unified social credit code',
    params: { zh: '须为有效的 18 位统一社会信用代码' },
  });

/**
 * Who objects. Every field is optional here so that a missing one is refused by the service with the article
 * that requires it (e.g. `ili 第十八条`), not by a bare schema error; given fields must be well-formed.
 */
export const objectorInput = z
  .object({
    kind: z.enum(['person', 'organisation']),
    name: z.string().trim().min(1).max(200).optional(),
    phone: phoneSchema.optional(),
    address: z.string().trim().min(1).max(300).optional(),
    /** A person's resident ID number. */
    idNumber: idNumberSchema.optional(),
    /** An organisation's 统一社会信用代码. */
    creditCode: creditCodeSchema.optional(),
    /** A person's proof of identity (e.g. a scan of the ID card). */
    identityProof: fileUploadSchema.optional(),
    /** A person's signature (image). */
    signature: fileUploadSchema.optional(),
    /** An organisation's official seal (image). */
    officialSeal: fileUploadSchema.optional(),
  })
  .strict();
export type ObjectorInput = z.infer<typeof objectorInput>;
