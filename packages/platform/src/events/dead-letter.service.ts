import type { DeadLetterView, EventEnvelope } from '@laurel/contracts';
import { DomainError, eventEnvelopeSchema } from '@laurel/contracts';
import type { Database } from '../prisma/database.service';
import type { PrismaClientLike } from '../prisma/prisma-client-like';
import type { EventConsumers } from './event-consumer.service';

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
    private readonly consumers: EventConsumers<C>,
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

  /** Hands the stored event to its consumer again; marks it resolved when that succeeds. */
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
    await this.consumers.handle(row.consumer, envelope);
    await this.database.asSystem((tx) =>
      tx.$executeRawUnsafe(`UPDATE dead_letter SET resolved_at = now() WHERE id = $1::uuid`, id),
    );
    return true;
  }
}
