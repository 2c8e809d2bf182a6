import { outboxBacklogSchema } from '@laurel/contracts';
import { z } from 'zod';

export const consumerStateSchema = z.object({
  name: z.string().describe('The durable consumer, e.g. `applications-notice-withdrawn`'),
  pending: z.number().int().describe('Messages of the stream not yet delivered to it'),
  ackPending: z.number().int().describe('Delivered and not yet acknowledged'),
  redelivered: z.number().int().describe('Delivered more than once and not yet acknowledged'),
  lastDelivered: z.number().int().describe('Stream sequence of the last message delivered'),
});

export const streamStateSchema = z.object({
  name: z.string(),
  service: z.string(),
  messages: z.number().int(),
  bytes: z.number().int(),
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  consumers: z.array(consumerStateSchema),
});

export const outboxStateSchema = z.object({
  service: z.string(),
  outcome: z.enum(['answered', 'unreachable']),
  backlog: outboxBacklogSchema.nullable(),
});

export const eventPipelineSchema = z.object({
  streams: z.array(streamStateSchema),
  outboxes: z.array(outboxStateSchema),
});
export type EventPipeline = z.infer<typeof eventPipelineSchema>;

export const boardPassSchema = z.object({
  url: z.string().describe('Where the board is: open it in the same browser'),
  expiresAt: z.string().describe('When the pass (a cookie for the board’s path only) expires'),
});
