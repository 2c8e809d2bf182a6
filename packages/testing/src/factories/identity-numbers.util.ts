const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid 统一社会信用代码 (GB 32100 check character) for test organisation number `n`. */
export function creditCodeFor(n: number): string {
  const body = `9111000060${String(n).padStart(7, '0')}`;
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + weight * USCC_CHARS.indexOf(body[i] ?? ''), 0);
  return `${body}${USCC_CHARS[(31 - (sum % 31)) % 31]}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid resident ID number (GB 11643 check digit) for test person number `n`. */
export function idNumberFor(n: number): string {
  const body = `11010519800101${String(n).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(body[i]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}
