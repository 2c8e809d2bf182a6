import { randomInt } from 'node:crypto';

/** The check code's alphabet: digits and capitals without 0/O, 1/I/L, which people misread (31 characters). */
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_CODE_LENGTH = 6;

/** Six random characters (31^6 ≈ 8.9 × 10^8 codes): a number cannot be walked from its neighbours. */
export function newCheckCode(pick: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) code += CHECK_CODE_ALPHABET[pick(CHECK_CODE_ALPHABET.length)];
  return code;
}

/** `<year>-<sequence>-<check code>`, the sequence padded to 4 digits (e.g. 2026-0007-K7Q2M9). */
export function formatCertificateNumber(year: number, sequence: number, checkCode: string): string {
  return `${year}-${String(sequence).padStart(4, '0')}-${checkCode}`;
}

/** The public page's path for a certificate. */
export function certificateVerifyPath(tenantKey: string, number: string): string {
  return `/p/${encodeURIComponent(tenantKey)}/certificates/${encodeURIComponent(number)}`;
}
