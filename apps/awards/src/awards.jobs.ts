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

/** Every job the awards service declares. */
export const awardsJobs = [regulationWarningDue, titleValidityEnds, dutyReminderDue] as const;
