import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';
import { applicationStatusSchema } from './application.contract';

/** `GET /tenants/{key}/applications/counts?cycle=`: how many applications stand in each status and stage. */
export const applicationCountsQuery = z
  .object({
    cycle: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('The cycle’s number (第N届)'),
  })
  .strict();
export type ApplicationCountsQuery = z.output<typeof applicationCountsQuery>;

/** The cycle at a glance: applications counted by status and by stage in the database, only those the caller may see. */
export const applicationCounts = defineQuery('applications.application.counts', {
  request: z.object({ cycleNumber: z.number().int().positive().max(2_147_483_647).optional() }).strict(),
  response: z.object({
    total: z.number().int().nonnegative(),
    byStatus: z.array(z.object({ status: applicationStatusSchema, count: z.number().int().nonnegative() })),
    byStage: z.array(
      z.object({
        stage: z.string().nullable().describe('A stage key of the plan; null before the first stage'),
        count: z.number().int().nonnegative(),
      }),
    ),
  }),
});
