import {
  type EntitlementStatus,
  type EventContract,
  entitlementObligated,
  entitlementRecorded,
  entitlementRefused,
} from '@laurel/contracts';

export type EntitlementAction = 'obligate' | 'refuse' | 'record-nothing-owed' | 'record-undecided';

/**
 * An entitlement's lifecycle as data. An entitlement is made once, from an award decision, in the state its
 * circumstances give; none is changed afterwards (a correction is a new transfer, and money moves by disbursements,
 * which have their own lifecycle).
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
];

/** The row that starts an entitlement by `action`. */
export function entitlementTransitionOf(action: EntitlementAction): EntitlementTransition {
  const row = ENTITLEMENT_LIFECYCLE.find((candidate) => candidate.action === action && candidate.from.length === 0);
  if (!row) throw new Error(`${action} does not start an entitlement`);
  return row;
}
