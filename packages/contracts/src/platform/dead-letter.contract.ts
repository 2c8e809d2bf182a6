import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const deadLetterSchema = z.object({
  id: z.uuid(),
  consumer: z.string(),
  eventId: z.uuid(),
  tenantId: z.uuid().nullable(),
  subject: z.string(),
  error: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type DeadLetterView = z.infer<typeof deadLetterSchema>;

/** Operators list a service's dead letters (platform scope) and replay one. */
export const deadLetterListContract = (service: string) =>
  defineQuery(`${service}.dead-letter.list`, {
    scope: 'platform',
    request: z.object({ includeResolved: z.boolean().default(false) }).strict(),
    response: z.object({ deadLetters: z.array(deadLetterSchema) }),
  });

export const deadLetterReplayContract = (service: string) =>
  defineCommand(`${service}.dead-letter.replay`, {
    scope: 'platform',
    request: z.object({ id: z.uuid() }).strict(),
    response: z.object({ replayed: z.boolean() }),
  });
