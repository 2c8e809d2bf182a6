import { defineJob } from '@laurel/platform';
import { z } from 'zod';

/** A regulation-expiry warning falls due: the job carries the warning's id, the row is the truth. */
export const regulationWarningDue = defineJob({
  queue: 'awards-regulation',
  name: 'regulation.warning-due',
  data: z.object({ warningId: z.uuid() }),
  jobId: (data) => `regulation-warning:${data.warningId}:due`,
});

/** Every job the awards service declares. */
export const awardsJobs = [regulationWarningDue] as const;
