import type { AccountKind } from '@laurel/contracts';

/** An account's balance rule, as TigerBeetle's flags: the posted and pending side may not pass the other's posted. */
export interface AccountFlags {
  /** Debits (pending + posted) must not exceed posted credits: e.g. no over-commitment of what is available. */
  readonly debitsMustNotExceedCredits: boolean;
  /** Credits (pending + posted) must not exceed posted debits: e.g. no over-recovery of a receivable. */
  readonly creditsMustNotExceedDebits: boolean;
}

export interface AccountKindRule {
  readonly flags: AccountFlags;
  /** Kept per recipient (the winner the money is owed to or claimed from). */
  readonly perRecipient: boolean;
}

const NONE: AccountFlags = { debitsMustNotExceedCredits: false, creditsMustNotExceedDebits: false };
const DEBITS_LIMITED: AccountFlags = { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: false };
const CREDITS_LIMITED: AccountFlags = { debitsMustNotExceedCredits: false, creditsMustNotExceedDebits: true };

/** The chart of accounts of ADR 0022, one ledger per tenant and budget year. */
export const CHART_OF_ACCOUNTS: Readonly<Record<AccountKind, AccountKindRule>> = {
  /** 预算指标: debited by each loading; its debit balance is what was appropriated. */
  appropriation: { flags: NONE, perRecipient: false },
  /** 可用指标: credited by loadings, debited by obligations; never below zero (no over-commitment). */
  available: { flags: DEBITS_LIMITED, perRecipient: false },
  /** 应付奖补资金: credited by an entitlement, debited by disbursements; never paid beyond what is owed. */
  payable: { flags: DEBITS_LIMITED, perRecipient: true },
  /** 已拨付: credited by confirmed disbursements (pending while the treasury pays), debited by clawback demands. */
  paid: { flags: DEBITS_LIMITED, perRecipient: true },
  /** 应收追缴款: credited by a clawback demand, debited by recoveries and write-offs; never over-recovered. */
  receivable: { flags: DEBITS_LIMITED, perRecipient: true },
  /** 已追回: credited by recoveries, debited when returned to the treasury; never returns more than recovered. */
  recovered: { flags: DEBITS_LIMITED, perRecipient: false },
  /** 已上缴国库: credited by returns to the treasury. */
  returned: { flags: NONE, perRecipient: false },
  /** 已核销: credited by approved write-offs. */
  written_off: { flags: NONE, perRecipient: false },
};

/** The business events that move money, each with its debit and credit (ADR 0022). */
export const TRANSFER_CODES = {
  appropriation_loaded: { debit: 'appropriation', credit: 'available' },
  entitlement_obligated: { debit: 'available', credit: 'payable' },
  disbursement: { debit: 'payable', credit: 'paid' },
  clawback_demanded: { debit: 'paid', credit: 'receivable' },
  recovery: { debit: 'receivable', credit: 'recovered' },
  returned_to_treasury: { debit: 'recovered', credit: 'returned' },
  written_off: { debit: 'receivable', credit: 'written_off' },
} as const satisfies Record<string, { debit: AccountKind; credit: AccountKind }>;
export type TransferCode = keyof typeof TRANSFER_CODES;
