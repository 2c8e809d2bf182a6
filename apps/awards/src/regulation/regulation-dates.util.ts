import { addDays, daysBetween, shanghaiEndOfDay, shanghaiStartOfDay } from '@laurel/calendar';
import { DomainError } from '@laurel/contracts';
import type { Policy } from '@laurel/policy';

/** The office is warned this many days before the regulation's last day in force, and again when it expired. */
export const EXPIRY_WARNING_DAYS_BEFORE = [30, 7] as const;

export interface PlannedWarning {
  kind: 'expiring' | 'expired';
  /** Days before the last day in force; 0 for `expired`. */
  daysBefore: number;
  /** The last day in force. */
  expiresOn: string;
  /** 00:00 Asia/Shanghai of the day the warning is due (for `expired`: the day after the last day). */
  dueAt: Date;
  basis: string;
}

/**
 * The expiry warnings of a policy's regulation, none when it sets no expiry. Of the warnings already due at
 * `now`, only the latest is kept: a programme created 9 days before expiry is warned once, at once, not twice.
 */
export function planExpiryWarnings(policy: Policy, now: Date): PlannedWarning[] {
  const expires = policy.regulation.expires;
  if (!expires) return [];
  const all: PlannedWarning[] = [
    ...EXPIRY_WARNING_DAYS_BEFORE.map((days) => ({
      kind: 'expiring' as const,
      daysBefore: days,
      expiresOn: expires.date,
      dueAt: shanghaiStartOfDay(addDays(expires.date, -days)),
      basis: expires.basis,
    })),
    {
      kind: 'expired',
      daysBefore: 0,
      expiresOn: expires.date,
      dueAt: shanghaiEndOfDay(expires.date),
      basis: expires.basis,
    },
  ];
  const due = all.filter((warning) => warning.dueAt.getTime() <= now.getTime());
  const latestDue = due.reduce<PlannedWarning | null>(
    (latest, warning) => (latest === null || warning.dueAt > latest.dueAt ? warning : latest),
    null,
  );
  return all.filter((warning) => warning.dueAt.getTime() > now.getTime() || warning === latestDue);
}

/** Days from `today` to the regulation's last day in force (0 on the last day, never negative). */
export const daysLeft = (today: string, lastDay: string): number => Math.max(0, daysBetween(today, lastDay));

/**
 * Why no cycle may open under this regulation `today` (Asia/Shanghai), or null: before it is in force, or
 * after its last day in force. A 409 with the article that sets the date.
 */
export function regulationRefusal(policy: Policy, today: string): DomainError | null {
  const { inForce, expires, title } = policy.regulation;
  if (today < inForce.date) {
    return new DomainError({
      code: 'conflict',
      detail: {
        zh: `《${title.zh}》自 ${inForce.date} 起施行，施行前不能开启评选周期`,
        en: `The regulation (${title.en}) is in force from ${inForce.date}: no cycle opens before then`,
      },
      basis: inForce.basis,
      extensions: { reason: 'regulation_not_in_force', inForce: inForce.date },
    });
  }
  if (expires && today > expires.date) {
    return new DomainError({
      code: 'conflict',
      detail: {
        zh: `《${title.zh}》已于 ${expires.date} 期满失效，不能在其下开启新一届评选；请先录入新的办法`,
        en: `The regulation (${title.en}) expired after ${expires.date}: no cycle opens under it; put the new regulation's policy first`,
      },
      basis: expires.basis,
      extensions: { reason: 'regulation_expired', lastDayInForce: expires.date },
    });
  }
  return null;
}
