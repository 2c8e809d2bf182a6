import { shanghaiStartOfDay } from '@laurel/calendar';
import { DUTY_REMINDER_DAYS_BEFORE, isoDate } from '@laurel/policy';

export type TitleReminderKind = 'validity_ends' | 'rectify_by';

export interface TitleReminderPlan {
  readonly kind: TitleReminderKind;
  readonly targetDate: string;
  readonly daysBefore: number;
  readonly runAt: Date;
}

export interface TitleDates {
  readonly status: string;
  readonly validUntil: string | null;
  readonly rectifyBy: string | null;
  /** When the title entered its state: reminders that fell due before it are not sent (they were of another state). */
  readonly statusChangedAt: Date;
}

/**
 * The reminders a title's dates call for, from the title row alone (the deadline source): an active title with a last
 * valid day is reminded 30 and 7 days before it (the re-evaluation or the expiry that follows, linxia 第五条;
 * xinzhou-district 第五条); a rectifying title 30 and 7 days before its rectification date, and the office at 00:00 of
 * the day after it (`daysBefore` 0: the date has passed and the office decides, 第五条 整改后仍不能达到要求的取消称号).
 * The reminder days are the platform's (DUTY_REMINDER_DAYS_BEFORE): a courtesy with no legal effect.
 */
export function titleRemindersOf(title: TitleDates): TitleReminderPlan[] {
  const before = (kind: TitleReminderKind, targetDate: string) =>
    DUTY_REMINDER_DAYS_BEFORE.map((daysBefore) => ({
      kind,
      targetDate,
      daysBefore,
      runAt: shanghaiStartOfDay(isoDate.addDays(targetDate, -daysBefore)),
    }));
  const plans: TitleReminderPlan[] = [];
  if (title.status === 'active' && title.validUntil) plans.push(...before('validity_ends', title.validUntil));
  if (title.status === 'rectifying' && title.rectifyBy) {
    plans.push(...before('rectify_by', title.rectifyBy), {
      kind: 'rectify_by',
      targetDate: title.rectifyBy,
      daysBefore: 0,
      runAt: shanghaiStartOfDay(isoDate.addDays(title.rectifyBy, 1)),
    });
  }
  return plans.filter((plan) => plan.runAt >= title.statusChangedAt);
}

/** Whether a planned reminder is still what the title calls for (its state and date unchanged since it was queued). */
export function stillDue(
  title: TitleDates,
  job: { kind: TitleReminderKind; targetDate: string; daysBefore: number },
): TitleReminderPlan | undefined {
  return titleRemindersOf(title).find(
    (plan) => plan.kind === job.kind && plan.targetDate === job.targetDate && plan.daysBefore === job.daysBefore,
  );
}
