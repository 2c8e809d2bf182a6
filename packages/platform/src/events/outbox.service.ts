import { randomUUID } from 'node:crypto';
import { DomainError, type EventContract, fieldErrorsFromZod, type PayloadOf } from '@laurel/contracts';
import type { Clock } from '../clock/clock';
import { RequestContexts } from '../context/request-context';
import type { SqlExecutor } from '../prisma/prisma-client-like';
import { platformSql } from '../prisma/transaction-connection';
import type { TransactionHooks } from '../prisma/transaction-hooks';

/** Context stored with each outbox row and restored into the envelope. */
export interface OutboxHeaders {
  correlationId: string;
  actor: unknown;
  occurredAt: string;
}

/**
 * Writes events in the same transaction as the change that caused them. The relay publishes them once
 * the transaction commits; nothing is published for a transaction that rolls back.
 */
export class Outbox {
  constructor(
    private readonly clock: Clock,
    private readonly hooks: TransactionHooks,
    private readonly wakeRelay: () => void,
  ) {}

  async add<E extends EventContract>(tx: SqlExecutor & object, event: E, payload: PayloadOf<E>): Promise<string> {
    const parsed = event.payload.safeParse(payload);
    if (!parsed.success) {
      throw DomainError.validation(fieldErrorsFromZod(parsed.error, 'event'), {
        zh: `事件 ${event.subject} 内容无效`,
        en: `event ${event.subject} is not valid`,
      });
    }
    const context = RequestContexts.current() ?? RequestContexts.system();
    const id = randomUUID();
    const headers: OutboxHeaders = {
      correlationId: context.correlationId,
      actor: context.actor,
      occurredAt: this.clock.now().toISOString(),
    };
    await platformSql(tx).$executeRawUnsafe(
      `INSERT INTO outbox_message (id, tenant_id, subject, payload, headers) VALUES ($1::uuid, $2::uuid, $3, $4::jsonb, $5::jsonb)`,
      id,
      context.tenantId,
      event.subject,
      JSON.stringify(parsed.data),
      JSON.stringify(headers),
    );
    this.hooks.afterCommit(tx, this.wakeRelay);
    return id;
  }
}
