/** A calendar-date column (`@db.Date`, read as UTC midnight) as `YYYY-MM-DD`, and back. */
export const dateColumn = {
  toIso: (value: Date): string => value.toISOString().slice(0, 10),
  fromIso: (value: string): Date => new Date(`${value}T00:00:00Z`),
};
