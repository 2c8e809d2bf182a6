import { defineJob } from '@laurel/platform';
import { z } from 'zod';

/** A regulation-expiry warning falls due: the job carries the warning's id, the row is the truth. */
export const regulationWarningDue = defineJob({
  queue: 'awards-regulation',
  name: 'regulation.warning-due',
  data: z.object({ warningId: z.uuid() }),
  jobId: (data) => `regulation-warning:${data.warningId}:due`,
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

/** Every job the awards service declares. */
export const awardsJobs = [regulationWarningDue, clearanceReminderDue, clearanceDue] as const;
