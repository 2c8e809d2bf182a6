import { acting } from '../identity/actor.util';

/** The written outcome an applicant reads when its application ends (refused, not accepted, disqualified). */
export const outcomeRecord = (status: string, reasons: string, basis: string | null, at: Date) => ({
  status,
  reasons,
  basis,
  by: acting().label,
  at: at.toISOString(),
});
