import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import { z } from 'zod';
import type { OfficialSchedule } from './official-schedule.schema';

/**
 * The raw data file `chinese-days` publishes (`dist/chinese-days.json`): date → "English,中文,n".
 * Its functions (`isWorkday`, `findWorkday`…) are not used: they format dates with the machine's local
 * time zone and answer a day off west of UTC (e.g. under TZ=America/New_York).
 */
const chineseDaysFileSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

/** The source named for built-in years. */
export const BUILT_IN_SOURCE = `chinese-days ${chineseDaysPackage.version}（国务院办公厅部分节假日安排）`;

let cache: readonly OfficialSchedule[] | undefined;

function holidayName(label: string): string {
  const parts = label.split(',');
  return (parts[1] ?? parts[0] ?? label).trim() || label;
}

/**
 * The official schedules built into `chinese-days` (2004 up to its last year, 2026 in 1.5.7), one per year, in
 * the same shape as a loaded schedule. Parsed once and shared.
 */
export function builtInSchedules(): readonly OfficialSchedule[] {
  if (cache) return cache;
  const data = chineseDaysFileSchema.parse(chineseDaysData);
  const byYear = new Map<number, OfficialSchedule>();
  const yearOf = (date: string): OfficialSchedule => {
    const year = Number(date.slice(0, 4));
    let schedule = byYear.get(year);
    if (!schedule) {
      schedule = { year, holidays: [], workdays: [], source: BUILT_IN_SOURCE };
      byYear.set(year, schedule);
    }
    return schedule;
  };
  for (const [date, label] of Object.entries(data.holidays).sort(([a], [b]) => a.localeCompare(b))) {
    yearOf(date).holidays.push({ date, name: holidayName(label) });
  }
  for (const date of Object.keys(data.workdays).sort()) yearOf(date).workdays.push(date);
  cache = Object.freeze([...byYear.values()].sort((a, b) => a.year - b.year));
  return cache;
}
