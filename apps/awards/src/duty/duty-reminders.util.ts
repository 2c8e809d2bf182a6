import { randomUUID } from 'node:crypto';
import { shanghaiStartOfDay } from '@laurel/calendar';
import { DUTY_REMINDER_DAYS_BEFORE, isoDate } from '@laurel/policy';
import type { NewReminder } from './duty.repository';

/**
 * The reminders of a duty due on `dueDate`: one at 00:00 Asia/Shanghai of each reminder day (the platform's
 * DUTY_REMINDER_DAYS_BEFORE) not already past on `today`, and the overdue moment (00:00 of the day after the due date).
 */
export function remindersFor(dutyId: string, dueDate: string, today: string): NewReminder[] {
  const reminders: NewReminder[] = DUTY_REMINDER_DAYS_BEFORE.map((daysBefore) => ({
    daysBefore,
    day: isoDate.addDays(dueDate, -daysBefore),
  }))
    .filter(({ day }) => isoDate.compare(day, today) >= 0)
    .map(({ daysBefore, day }) => ({
      id: randomUUID(),
      dutyId,
      kind: 'reminder',
      daysBefore,
      dueAt: shanghaiStartOfDay(day),
    }));
  reminders.push({
    id: randomUUID(),
    dutyId,
    kind: 'overdue',
    daysBefore: 0,
    dueAt: shanghaiStartOfDay(isoDate.addDays(dueDate, 1)),
  });
  return reminders;
}
