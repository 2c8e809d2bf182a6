import {
  type EntitlementStatus,
  type EventContract,
  entitlementObligated,
  entitlementRecorded,
  entitlementRefused,
} from '@laurel/contracts';

export type EntitlementAction = 'obligate' | 'refuse' | 'record-nothing-owed' | 'record-undecided' | 'decide-amount';

/**
 * An entitlement's lifecycle as data. An entitlement is made once, from an award decision, in the state its
 * circumstances give; only an amount the regulation leaves open is decided afterwards (`decide-amount`); otherwise none
 * is changed (a correction is a new transfer, and money moves by disbursements, which have their own lifecycle).
 */
export interface EntitlementTransition {
  readonly action: EntitlementAction;
  readonly from: readonly EntitlementStatus[];
  readonly to: EntitlementStatus;
  readonly event: EventContract;
}

export const ENTITLEMENT_LIFECYCLE: readonly EntitlementTransition[] = [
  { action: 'obligate', from: [], to: 'obligated', event: entitlementObligated },
  { action: 'refuse', from: [], to: 'refused', event: entitlementRefused },
  { action: 'record-nothing-owed', from: [], to: 'nothing_owed', event: entitlementRecorded },
  { action: 'record-undecided', from: [], to: 'amount_undecided', event: entitlementRecorded },
  /** A body decides the amount the regulation leaves open (within its cap, if any): obligated on the ledger. */
  { action: 'decide-amount', from: ['amount_undecided'], to: 'obligated', event: entitlementObligated },
];

/** The row that starts an entitlement by `action`. */
export function entitlementTransitionOf(action: EntitlementAction): EntitlementTransition {
  const row = ENTITLEMENT_LIFECYCLE.find((candidate) => candidate.action === action && candidate.from.length === 0);
  if (!row) throw new Error(`${action} does not start an entitlement`);
  return row;
}

/** The row that moves an entitlement in `status` by `action`, or null when the lifecycle does not allow it. */
export function entitlementTransitionFrom(
  action: EntitlementAction,
  status: EntitlementStatus,
): EntitlementTransition | null {
  return ENTITLEMENT_LIFECYCLE.find((row) => row.action === action && row.from.includes(status)) ?? null;
}
