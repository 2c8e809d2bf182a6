// The check characters of the two national numbers (GB 11643 and GB 32100), so a mistyped number is caught as the
// reader types it; the service checks them again (packages/contracts identity.schema.ts).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number (公民身份号码): 18 characters whose last is the check character. */
export function isResidentIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码: 18 characters whose last is the check character. */
export function isCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + weight * USCC_CHARS.indexOf(code[i] ?? ''), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === code[17];
}
