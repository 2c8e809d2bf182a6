import { z } from 'zod';
import { isIsoDate, MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR, weekdayOf } from './local-date.util';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be written YYYY-MM-DD')
  .refine((value) => isIsoDate(value), 'is not a real date');

/**
 * One year's official holiday schedule as the State Council publishes it (国务院办公厅关于某年部分节假日安排的通知),
 * loaded by the operator. `holidays` lists every day off of each holiday period (weekend days inside a period
 * may be listed too, as the notices do); `workdays` lists the shifted working days (调休上班), normally weekend
 * days. A workday that is already a weekday is accepted and kept as is (it changes nothing; see
 * {@link officialScheduleWarnings}). Refused: dates outside `year`, a date both a holiday and a workday, a date
 * listed twice, a schedule without holidays, anything not strictly `YYYY-MM-DD`.
 */
export const officialScheduleSchema = z
  .object({
    year: z.number().int().min(MIN_SUPPORTED_YEAR).max(MAX_SUPPORTED_YEAR),
    holidays: z
      .array(z.object({ date: isoDate, name: z.string().trim().min(1).max(100) }).strict())
      .min(1, 'an official schedule has at least one holiday'),
    workdays: z.array(isoDate),
    /** Where the schedule comes from, e.g. `国办发明电〔2026〕N号`. */
    source: z.string().trim().min(1).max(500),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const prefix = `${String(schedule.year).padStart(4, '0')}-`;
    const holidayDates = new Set<string>();
    schedule.holidays.forEach((holiday, index) => {
      if (!holiday.date.startsWith(prefix)) {
        ctx.addIssue({ code: 'custom', path: ['holidays', index, 'date'], message: `is not in ${schedule.year}` });
      }
      if (holidayDates.has(holiday.date)) {
        ctx.addIssue({ code: 'custom', path: ['holidays', index, 'date'], message: 'is listed twice' });
      }
      holidayDates.add(holiday.date);
    });
    const workdayDates = new Set<string>();
    schedule.workdays.forEach((date, index) => {
      if (!date.startsWith(prefix)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', index], message: `is not in ${schedule.year}` });
      }
      if (workdayDates.has(date))
        ctx.addIssue({ code: 'custom', path: ['workdays', index], message: 'is listed twice' });
      if (holidayDates.has(date)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', index], message: 'is also listed as a holiday' });
      }
      workdayDates.add(date);
    });
  });

/** A validated official schedule (the loaded year document). */
export type OfficialSchedule = z.infer<typeof officialScheduleSchema>;

/**
 * Unusual but accepted entries of a valid schedule, for the operator to double-check before loading:
 * a shifted working day that is already a weekday (no effect).
 */
export function officialScheduleWarnings(schedule: OfficialSchedule): string[] {
  return schedule.workdays
    .filter((date) => {
      const weekday = weekdayOf(date);
      return weekday !== 0 && weekday !== 6;
    })
    .map((date) => `workday ${date} is already a weekday: listing it as a shifted working day changes nothing`);
}
