import { z } from 'zod';

/** The body of PUT /calendar/years/{year}: the year's holidays and shifted working days, and their source. */
export const loadYearBody = z
  .object({
    year: z.number().int().optional(),
    holidays: z.array(z.object({ date: z.string().max(10), name: z.string().trim().min(1).max(50) }).strict()).max(60),
    workdays: z.array(z.string().max(10)).max(30),
    source: z.string().trim().min(1).max(300),
  })
  .strict();
export type LoadYearBody = z.infer<typeof loadYearBody>;

export const deadlineQuery = z
  .object({
    start: z.string().max(20).optional(),
    count: z.string().max(10).optional(),
    unit: z.string().max(20).optional(),
  })
  .strict();

export const deadlineAnswerSchema = z.object({
  lastDay: z.string(),
  endsAt: z.string(),
  provisional: z.boolean(),
  basis: z.string(),
  start: z.string(),
  count: z.number().int(),
  unit: z.enum(['working_days', 'calendar_days']),
  rule: z.string(),
  calendar: z.string(),
  provisionalYears: z.array(z.number().int()),
});
