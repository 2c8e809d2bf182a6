import { CHART_OF_ACCOUNTS } from './chart-of-accounts';
import {
  applyTransfer,
  type Balances,
  balanced,
  fen,
  firstDifference,
  headroom,
  type LedgerAccountState,
  TRANSFER_FIELDS,
  type TransferContent,
  ZERO,
} from './ledger.rules';

const account = (id: string, kind: keyof typeof CHART_OF_ACCOUNTS, b: Partial<Balances> = {}): LedgerAccountState => ({
  id,
  flags: CHART_OF_ACCOUNTS[kind].flags,
  ...ZERO,
  ...b,
});

describe('ledger rules', () => {
  describe('fen', () => {
    it.each([1, 100, 100_000_000, 5n])('takes %p as integer fen', (amount) => {
      expect(fen(amount)).toBe(BigInt(amount));
    });

    it.each([0, -1, 0.5, 100.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 0n, -3n])('refuses %p', (amount) => {
      expect(() => fen(amount)).toThrow(RangeError);
    });
  });

  it('posts a single transfer on both posted sides', () => {
    const result = applyTransfer(account('a', 'appropriation'), account('b', 'available'), 1_000n, 'single');

    expect(result).toEqual({
      debit: { ...ZERO, debitsPosted: 1_000n },
      credit: { ...ZERO, creditsPosted: 1_000n },
    });
  });

  it('refuses a debit beyond posted credits on an account flagged debits-must-not-exceed-credits (no over-commitment)', () => {
    const available = account('available', 'available', { creditsPosted: 500n, debitsPosted: 200n });

    const result = applyTransfer(available, account('payable', 'payable'), 301n, 'single');

    expect(result).toEqual({
      refusal: { reason: 'exceeds_credits', accountId: 'available', limit: 300n, amount: 301n },
    });
    expect(applyTransfer(available, account('payable', 'payable'), 300n, 'single')).not.toHaveProperty('refusal');
  });

  it('counts pending debits against the limit (two instalments cannot both take the last yuan)', () => {
    const payable = account('payable', 'payable', { creditsPosted: 1_000n, debitsPending: 700n });

    expect(applyTransfer(payable, account('paid', 'paid'), 301n, 'pending')).toMatchObject({
      refusal: { reason: 'exceeds_credits', limit: 300n },
    });
    expect(applyTransfer(payable, account('paid', 'paid'), 300n, 'pending')).toMatchObject({
      debit: { debitsPending: 1_000n },
    });
  });

  it('refuses a credit beyond posted debits on an account flagged credits-must-not-exceed-debits', () => {
    const limited: LedgerAccountState = {
      id: 'limited',
      flags: { debitsMustNotExceedCredits: false, creditsMustNotExceedDebits: true },
      ...ZERO,
      debitsPosted: 800n,
      creditsPosted: 500n,
    };

    expect(applyTransfer(account('a', 'appropriation'), limited, 301n, 'single')).toEqual({
      refusal: { reason: 'exceeds_debits', accountId: 'limited', limit: 300n, amount: 301n },
    });
  });

  it('refuses a recovery or write-off beyond what is receivable, and a return beyond what was recovered', () => {
    const receivable = account('receivable', 'receivable', { creditsPosted: 800n, debitsPosted: 500n });
    const recovered = account('recovered', 'recovered', { creditsPosted: 200n });

    expect(applyTransfer(receivable, account('recovered', 'recovered'), 301n, 'single')).toEqual({
      refusal: { reason: 'exceeds_credits', accountId: 'receivable', limit: 300n, amount: 301n },
    });
    expect(applyTransfer(receivable, account('w', 'written_off'), 300n, 'single')).not.toHaveProperty('refusal');
    expect(applyTransfer(recovered, account('r', 'returned'), 201n, 'single')).toMatchObject({
      refusal: { reason: 'exceeds_credits', accountId: 'recovered', limit: 200n },
    });
  });

  it('two-phase: pending moves to posted when posted, disappears when voided, and neither is checked again', () => {
    const payable = account('payable', 'payable', { creditsPosted: 1_000n, debitsPending: 400n });
    const paid = account('paid', 'paid', { creditsPending: 400n });

    expect(applyTransfer(payable, paid, 400n, 'post')).toEqual({
      debit: { ...ZERO, creditsPosted: 1_000n, debitsPosted: 400n },
      credit: { ...ZERO, creditsPosted: 400n },
    });
    expect(applyTransfer(payable, paid, 400n, 'void')).toEqual({
      debit: { ...ZERO, creditsPosted: 1_000n },
      credit: { ...ZERO },
    });
  });

  it('never resolves more than is pending', () => {
    expect(() => applyTransfer(account('p', 'payable'), account('q', 'paid'), 1n, 'post')).toThrow(RangeError);
  });

  it('headroom is null on an account without a rule', () => {
    expect(headroom(account('a', 'appropriation'), 'debit')).toBeNull();
    expect(headroom(account('a', 'appropriation'), 'credit')).toBeNull();
  });

  it('a replay is the same transfer only when every field matches; otherwise names the first that differs', () => {
    const recorded: TransferContent = {
      debitAccountId: 'a',
      creditAccountId: 'b',
      amount: 100n,
      code: 'entitlement_obligated',
      phase: 'single',
      pendingId: null,
      reference: 'r',
    };

    expect(firstDifference(recorded, { ...recorded }, TRANSFER_FIELDS)).toBeNull();
    expect(firstDifference(recorded, { ...recorded, amount: 101n }, TRANSFER_FIELDS)).toBe('amount');
    expect(firstDifference(recorded, { ...recorded, creditAccountId: 'c' }, TRANSFER_FIELDS)).toBe('creditAccountId');
  });

  it('debits equal credits after any sequence of transfers', () => {
    const accounts = new Map<string, LedgerAccountState>([
      ['appropriation', account('appropriation', 'appropriation')],
      ['available', account('available', 'available')],
      ['payable', account('payable', 'payable')],
      ['paid', account('paid', 'paid')],
    ]);
    const run = (debit: string, credit: string, amount: bigint, phase: 'single' | 'pending' | 'post' | 'void') => {
      const d = accounts.get(debit) as LedgerAccountState;
      const c = accounts.get(credit) as LedgerAccountState;
      const result = applyTransfer(d, c, amount, phase);
      if ('refusal' in result) return false;
      accounts.set(debit, { ...d, ...result.debit });
      accounts.set(credit, { ...c, ...result.credit });
      return true;
    };

    expect(run('appropriation', 'available', 100_000_000n, 'single')).toBe(true);
    expect(run('available', 'payable', 80_000_000n, 'single')).toBe(true);
    expect(run('available', 'payable', 30_000_000n, 'single')).toBe(false);
    expect(run('payable', 'paid', 50_000_000n, 'pending')).toBe(true);
    expect(run('payable', 'paid', 50_000_000n, 'pending')).toBe(false);
    expect(balanced([...accounts.values()])).toBe(true);
    expect(run('payable', 'paid', 50_000_000n, 'post')).toBe(true);
    expect(balanced([...accounts.values()])).toBe(true);
    expect(accounts.get('paid')).toMatchObject({ creditsPosted: 50_000_000n, creditsPending: 0n });
    expect(accounts.get('available')).toMatchObject({ creditsPosted: 100_000_000n, debitsPosted: 80_000_000n });
  });

  it('balances are bigint: sums beyond 2^53 fen stay exact', () => {
    const big = 2n ** 60n;
    const result = applyTransfer(account('a', 'appropriation'), account('b', 'available'), big + 1n, 'single');

    expect(result).toMatchObject({ credit: { creditsPosted: big + 1n } });
  });
});
