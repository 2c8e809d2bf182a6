import { defineJob } from '@laurel/platform';
import { z } from 'zod';

/** Some days before a clawback case's due date (finance decides how many): the recipient is reminded. */
export const clawbackReminder = defineJob({
  queue: 'funds-deadlines',
  name: 'clawback.reminder',
  data: z.object({ caseId: z.uuid() }),
  jobId: (data) => `clawback:${data.caseId}:reminder`,
});

/** At the end of a due date still unpaid: the case is overdue and escalated. */
export const clawbackOverdue = defineJob({
  queue: 'funds-deadlines',
  name: 'clawback.overdue',
  data: z.object({ caseId: z.uuid() }),
  jobId: (data) => `clawback:${data.caseId}:overdue`,
});

/** Every job the funds service declares. */
export const fundsJobs = [clawbackReminder, clawbackOverdue] as const;
