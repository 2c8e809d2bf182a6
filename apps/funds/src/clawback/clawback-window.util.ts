import type { IsoDate } from '@laurel/calendar';

/** `date` plus `months` calendar months, the day clamped to the month's last (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export type WindowCheck =
  | { readonly within: true; readonly lastDay: IsoDate | null }
  | {
      readonly within: false;
      readonly lastDay: IsoDate;
      readonly start: IsoDate;
    };

/**
 * Whether the revocation's ground occurred in the policy's clawback window (xinzhou-district 第十七条: 获奖后的组织半年内
 * 如发生下列情形之一的 — the event is counted, not the later decision): its last day is the start (the award's day, or
 * the first payment's) plus the months, inclusive. No window: always within.
 */
export function checkClawbackWindow(
  window: { months: number; from: 'award' | 'payment' } | null,
  dates: {
    awardedOn: IsoDate;
    firstPaidOn: IsoDate | null;
    eventOn: IsoDate;
  },
): WindowCheck {
  if (!window) return { within: true, lastDay: null };
  const start = window.from === 'payment' ? (dates.firstPaidOn ?? dates.awardedOn) : dates.awardedOn;
  const lastDay = addMonths(start, window.months);
  return dates.eventOn <= lastDay ? { within: true, lastDay } : { within: false, lastDay, start };
}
