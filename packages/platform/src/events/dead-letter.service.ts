import { randomUUID } from 'node:crypto';
import type { DeadLetterView, EventEnvelope } from '@laurel/contracts';
import { DomainError, eventEnvelopeSchema } from '@laurel/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { SubjectNamespace } from '../nats/subject-namespace';
import type { Database } from '../prisma/database.service';
import type { PrismaClientLike } from '../prisma/prisma-client-like';

interface DeadLetterRow {
  id: string;
  consumer: string;
  event_id: string;
  tenant_id: string | null;
  subject: string;
  payload: unknown;
  headers: Omit<EventEnvelope, 'payload'>;
  error: string;
  attempts: number;
  created_at: Date;
  resolved_at: Date | null;
}

/** Operators' view of events that kept failing, and their replay once the cause is fixed. */
export class DeadLetters<C extends PrismaClientLike> {
  constructor(
    private readonly database: Database<C>,
    private readonly js: JetStreamClient,
    private readonly namespace: SubjectNamespace,
  ) {}

  async list(includeResolved: boolean): Promise<DeadLetterView[]> {
    const rows = await this.database.asSystem((tx) =>
      tx.$queryRawUnsafe<DeadLetterRow[]>(
        `SELECT id::text, consumer, event_id::text, tenant_id::text, subject, payload, headers, error, attempts,
                created_at, resolved_at
           FROM dead_letter WHERE $1 OR resolved_at IS NULL ORDER BY created_at DESC LIMIT 500`,
        includeResolved,
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      consumer: row.consumer,
      eventId: row.event_id,
      tenantId: row.tenant_id,
      subject: row.subject,
      error: row.error,
      attempts: row.attempts,
      createdAt: row.created_at.toISOString(),
      resolvedAt: row.resolved_at?.toISOString() ?? null,
    }));
  }

  /**
   * Publishes the stored event again under a fresh message id, so that whichever instance runs the consumer
   * gets it; every other consumer's inbox drops it. The consumer resolves the dead letter when it succeeds.
   */
  async replay(id: string): Promise<boolean> {
    const rows = await this.database.asSystem((tx) =>
      tx.$queryRawUnsafe<DeadLetterRow[]>(
        `SELECT id::text, consumer, event_id::text, tenant_id::text, subject, payload, headers, error, attempts,
                created_at, resolved_at FROM dead_letter WHERE id = $1::uuid`,
        id,
      ),
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound({ zh: '未找到该死信事件', en: 'No such dead letter' });
    if (row.resolved_at) return false;
    const envelope = eventEnvelopeSchema.parse({ ...row.headers, id: row.event_id, payload: row.payload });
    await this.js.publish(this.namespace.eventWire(envelope.subject), JSON.stringify(envelope), {
      msgID: `${envelope.id}:replay:${randomUUID()}`,
    });
    return true;
  }
}
