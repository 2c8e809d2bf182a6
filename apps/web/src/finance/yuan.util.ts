// Amounts travel as integer fen; people read and type yuan with two decimals. formatFen is the policy package's
// (imported by path: it has no runtime dependency), so pages and documents print money the same way.
import { formatFen } from '@laurel/policy/src/format-fen.util';

/** Integer fen as yuan with two decimals and thousands separators: 100000000 → "1,000,000.00". */
export const formatYuan = (fen: number): string => formatFen(fen);

/**
 * Yuan as typed ("1,000,000", "600000.5", "0.01") to integer fen, by the digits alone (never float arithmetic);
 * null for anything that is not a positive amount with at most two decimals.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > 0 && Number.isSafeInteger(fen) ? fen : null;
}

/**
 * A decided amount in yuan as typed ("80,000", "0", "-5") to integer fen, sign kept: whether it may be negative or
 * above a cap is the API's rule, answered with its field. Null for what is not a number with at most two decimals,
 * or beyond what integer fen can carry.
 */
export function decidedYuanToFen(text: string): number | null {
  const match = /^([-+]?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return match[1] === '-' && fen > 0 ? -fen : fen;
}
