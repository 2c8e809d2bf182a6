import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';

export const outboxBacklogSchema = z.object({
  /** Outbox rows written and not yet published to JetStream. */
  unpublished: z.number().int(),
  /** Of those, rows whose publication failed at least once (waiting for their back-off). */
  failing: z.number().int(),
  /** When the oldest unpublished row was written; null when none is waiting. */
  oldestCreatedAt: z.string().nullable(),
});
export type OutboxBacklog = z.infer<typeof outboxBacklogSchema>;

/** Operators ask each service how many of its events wait in its outbox (platform scope, answered by every service). */
export const outboxBacklogContract = (service: string) =>
  defineQuery(`${service}.outbox.backlog`, {
    scope: 'platform',
    request: z.object({}).strict(),
    response: outboxBacklogSchema,
  });
