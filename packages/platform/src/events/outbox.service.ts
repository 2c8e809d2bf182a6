import { randomUUID } from 'node:crypto';
import { DomainError, type EventContract, fieldErrorsFromZod, type PayloadOf } from '@laurel/contracts';
import type { Clock } from '../clock/clock';
import { RequestContexts } from '../context/request-context';
import type { SqlExecutor } from '../prisma/prisma-client-like';
import { TransactionScopes } from '../prisma/transaction-scope';
import type { OutboxRowToPublish } from './outbox-relay.service';

/** Context stored with each outbox row and restored into the envelope. */
export interface OutboxHeaders {
  correlationId: string;
  actor: unknown;
  occurredAt: string;
}

/**
 * Writes events in the same transaction as the change that caused them: the row is written in the round trip that
 * commits, and once committed it is handed to the relay to publish at once. Nothing is written or published for a
 * transaction that rolls back.
 */
export class Outbox {
  constructor(
    private readonly clock: Clock,
    private readonly committed: (row: OutboxRowToPublish) => void,
  ) {}

  async add<E extends EventContract>(_tx: SqlExecutor & object, event: E, payload: PayloadOf<E>): Promise<string> {
    const parsed = event.payload.safeParse(payload);
    if (!parsed.success) {
      throw DomainError.validation(fieldErrorsFromZod(parsed.error, 'event'), {
        zh: '事件内容无效',
        en: `event ${event.subject} is not valid`,
      });
    }
    const scope = TransactionScopes.require('Outbox.add');
    const context = RequestContexts.current() ?? RequestContexts.system();
    const id = randomUUID();
    const headers: OutboxHeaders = {
      correlationId: context.correlationId,
      actor: context.actor,
      occurredAt: this.clock.now().toISOString(),
    };
    scope.pending.outbox.push({
      id,
      tenantId: context.tenantId,
      subject: event.subject,
      payload: parsed.data,
      headers,
    });
    scope.afterCommit(() =>
      this.committed({ id, tenant_id: context.tenantId, subject: event.subject, payload: parsed.data, headers }),
    );
    return id;
  }
}
