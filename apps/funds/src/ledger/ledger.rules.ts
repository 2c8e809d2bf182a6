import type { AccountFlags } from './chart-of-accounts';

/** An account's four sums, in integer fen (bigint: never a float). */
export interface Balances {
  readonly debitsPending: bigint;
  readonly debitsPosted: bigint;
  readonly creditsPending: bigint;
  readonly creditsPosted: bigint;
}

export interface LedgerAccountState extends Balances {
  readonly id: string;
  readonly flags: AccountFlags;
}

export const ZERO: Balances = { debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n };

/** How a transfer moves its amount: posted at once, held pending, or resolving a pending one (post or void). */
export type Phase = 'single' | 'pending' | 'post' | 'void';

/** Why the ledger refuses a transfer: the account whose rule it would break, and by how much. */
export interface BalanceRefusal {
  readonly reason: 'exceeds_credits' | 'exceeds_debits';
  readonly accountId: string;
  /** What the account's rule still allows, in fen. */
  readonly limit: bigint;
  readonly amount: bigint;
}

/** A positive integer amount of fen, or a RangeError: a float, zero, a negative or an unsafe number never passes. */
export function fen(amount: number | bigint): bigint {
  if (typeof amount === 'bigint') {
    if (amount <= 0n) throw new RangeError(`an amount must be positive: ${amount}`);
    return amount;
  }
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new RangeError(`an amount must be positive integer fen: ${amount}`);
  return BigInt(amount);
}

/** What a flagged account still allows on its limited side (null: no rule). */
export function headroom(account: LedgerAccountState, side: 'debit' | 'credit'): bigint | null {
  if (side === 'debit' && account.flags.debitsMustNotExceedCredits) {
    return account.creditsPosted - account.debitsPosted - account.debitsPending;
  }
  if (side === 'credit' && account.flags.creditsMustNotExceedDebits) {
    return account.debitsPosted - account.creditsPosted - account.creditsPending;
  }
  return null;
}

/**
 * The balances after a transfer of `amount` in `phase`, or the refusal of the rule it would break (TigerBeetle's
 * semantics): a single transfer adds to both posted sides; a pending one to both pending sides; posting a pending
 * transfer moves its amount from pending to posted; voiding it removes it from pending. The flags are checked on the
 * new state, so posting or voiding a transfer that passed when pending never fails.
 */
export function applyTransfer(
  debit: LedgerAccountState,
  credit: LedgerAccountState,
  amount: bigint,
  phase: Phase,
): { debit: Balances; credit: Balances } | { refusal: BalanceRefusal } {
  if (phase === 'single' || phase === 'pending') {
    const debitLimit = headroom(debit, 'debit');
    if (debitLimit !== null && amount > debitLimit) {
      return { refusal: { reason: 'exceeds_credits', accountId: debit.id, limit: debitLimit, amount } };
    }
    const creditLimit = headroom(credit, 'credit');
    if (creditLimit !== null && amount > creditLimit) {
      return { refusal: { reason: 'exceeds_debits', accountId: credit.id, limit: creditLimit, amount } };
    }
  }
  return { debit: move(debit, 'debit', amount, phase), credit: move(credit, 'credit', amount, phase) };
}

function move(account: Balances, side: 'debit' | 'credit', amount: bigint, phase: Phase): Balances {
  const pending = side === 'debit' ? 'debitsPending' : 'creditsPending';
  const posted = side === 'debit' ? 'debitsPosted' : 'creditsPosted';
  const next = { ...pick(account) };
  if (phase === 'single') next[posted] += amount;
  if (phase === 'pending') next[pending] += amount;
  if (phase === 'post') {
    next[pending] -= amount;
    next[posted] += amount;
  }
  if (phase === 'void') next[pending] -= amount;
  if (next[pending] < 0n) throw new RangeError(`resolving more than is pending on ${side}`);
  return next;
}

const pick = (b: Balances): { -readonly [K in keyof Balances]: bigint } => ({
  debitsPending: b.debitsPending,
  debitsPosted: b.debitsPosted,
  creditsPending: b.creditsPending,
  creditsPosted: b.creditsPosted,
});

/** A transfer as stored or asked for: what decides whether a replay with the same id is the same transfer. */
export interface TransferContent {
  readonly debitAccountId: string;
  readonly creditAccountId: string;
  readonly amount: bigint;
  readonly code: string;
  readonly phase: Phase;
  readonly pendingId: string | null;
  readonly reference: string;
}

/**
 * The first field in which a replayed request differs from what its id already recorded, or null when it is the same
 * request (then the original answer stands and nothing moves).
 */
export function firstDifference<T extends object>(recorded: T, requested: T, fields: readonly (keyof T)[]) {
  for (const field of fields) if (recorded[field] !== requested[field]) return field;
  return null;
}

export const TRANSFER_FIELDS: readonly (keyof TransferContent)[] = [
  'debitAccountId',
  'creditAccountId',
  'amount',
  'code',
  'phase',
  'pendingId',
  'reference',
];

/** Debits equal credits over a set of accounts (every ledger, always), pending and posted alike. */
export function balanced(accounts: readonly Balances[]): boolean {
  let posted = 0n;
  let pending = 0n;
  for (const a of accounts) {
    posted += a.debitsPosted - a.creditsPosted;
    pending += a.debitsPending - a.creditsPending;
  }
  return posted === 0n && pending === 0n;
}
