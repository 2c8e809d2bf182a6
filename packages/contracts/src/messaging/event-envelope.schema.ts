import { z } from 'zod';
import { actorSchema } from './actor.schema';

/** What travels on JetStream for every event; the id is the outbox row id and the JetStream message id. */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  subject: z.string().min(1),
  tenantId: z.uuid().nullable(),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(128),
  actor: actorSchema.nullable(),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
