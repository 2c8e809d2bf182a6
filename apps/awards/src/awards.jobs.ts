import { defineJob } from '@laurel/platform';
import { z } from 'zod';

/** A regulation-expiry warning falls due: the job carries the warning's id, the row is the truth. */
export const regulationWarningDue = defineJob({
  queue: 'awards-regulation',
  name: 'regulation.warning-due',
  data: z.object({ warningId: z.uuid() }),
  jobId: (data) => `regulation-warning:${data.warningId}:due`,
});

/** A title's validity ends (the day after its last valid day, 00:00 Asia/Shanghai): the title row is the truth. */
export const titleValidityEnds = defineJob({
  queue: 'awards-titles',
  name: 'title.validity-ends',
  data: z.object({ titleId: z.uuid() }),
  jobId: (data) => `title:${data.titleId}:validity-ends`,
});

/** A duty's reminder or its overdue moment falls due: the reminder row is the truth. */
export const dutyReminderDue = defineJob({
  queue: 'awards-duties',
  name: 'duty.reminder-due',
  data: z.object({ reminderId: z.uuid() }),
  jobId: (data) => `duty-reminder:${data.reminderId}:due`,
});

/** A clearance request's reminder (the day before it is due): the job carries the request's id, the row is the truth. */
export const clearanceReminderDue = defineJob({
  queue: 'awards-clearance',
  name: 'clearance.reminder-due',
  data: z.object({ requestId: z.uuid() }),
  jobId: (data) => `clearance:${data.requestId}:remind`,
});

/** A clearance request falls due (the end of its due day): unanswered, it is overdue. */
export const clearanceDue = defineJob({
  queue: 'awards-clearance',
  name: 'clearance.due',
  data: z.object({ requestId: z.uuid() }),
  jobId: (data) => `clearance:${data.requestId}:due`,
});

/**
 * A reminder about a title's date falls due (before its last valid day, before or at the rectification date): the
 * title row is the truth, a `title_reminder` row records that it fired.
 */
export const titleReminderDue = defineJob({
  queue: 'awards-titles',
  name: 'title.reminder-due',
  data: z.object({
    titleId: z.uuid(),
    kind: z.enum(['validity_ends', 'rectify_by']),
    targetDate: z.iso.date(),
    daysBefore: z.int().nonnegative(),
  }),
  jobId: (data) => `title-reminder:${data.titleId}:${data.kind}-${data.targetDate}-${data.daysBefore}`,
});

/** Every job the awards service declares. */
export const awardsJobs = [
  regulationWarningDue,
  clearanceReminderDue,
  clearanceDue,
  titleValidityEnds,
  titleReminderDue,
  dutyReminderDue,
] as const;
