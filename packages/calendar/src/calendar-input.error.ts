/** Why an input was refused; stable codes the HTTP layer can map to a localized message. */
export type CalendarInputReason =
  | 'required'
  | 'not_iso_date'
  | 'not_a_real_date'
  | 'out_of_range'
  | 'not_an_integer'
  | 'negative'
  | 'too_large'
  | 'unknown_unit'
  | 'not_boolean'
  | 'not_a_string'
  | 'invalid_instant'
  | 'invalid_schedule'
  | 'duplicate_year';

/**
 * A caller passed a bad value. `field` names the offending input (e.g. `start`, `count`,
 * `policy.countStartDay`, `schedule.holidays[2].date`) so an HTTP layer can answer 400 with a field error.
 */
export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';

  constructor(
    readonly field: string,
    readonly reason: CalendarInputReason,
    message: string = `${field}: ${reason}`,
  ) {
    super(message);
  }
}
