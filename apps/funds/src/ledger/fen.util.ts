/** A stored bigint of fen as the JSON number the API answers (amounts stay far below 2^53 fen). */
export function fenNumber(amount: bigint): number {
  const n = Number(amount);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${amount}`);
  return n;
}
