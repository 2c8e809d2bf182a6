import { defineJob } from '@laurel/platform';
import { z } from 'zod';

/** Every job the objections service declares. */
export const noticeClose = defineJob({
  queue: 'objections-deadlines',
  name: 'notice.close',
  data: z.object({ noticeId: z.uuid() }),
  jobId: (data) => `notice:${data.noticeId}:close`,
});

/** A working day before the examination deadline: the office is reminded. */
export const examinationReminder = defineJob({
  queue: 'objections-deadlines',
  name: 'objection.examination-reminder',
  data: z.object({ objectionId: z.uuid() }),
  jobId: (data) => `objection:${data.objectionId}:reminder`,
});

/** At the examination deadline: an objection still not examined is recorded as overdue. */
export const examinationOverdue = defineJob({
  queue: 'objections-deadlines',
  name: 'objection.examination-overdue',
  data: z.object({ objectionId: z.uuid() }),
  jobId: (data) => `objection:${data.objectionId}:overdue`,
});

export const objectionsJobs = [noticeClose, examinationReminder, examinationOverdue] as const;
