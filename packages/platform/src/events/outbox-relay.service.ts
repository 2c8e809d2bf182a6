import type { JetStreamClient } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { SubjectNamespace } from '../nats/subject-namespace';
import type { PrismaClientLike } from '../prisma/prisma-client-like';
import { registerDirectExecutor, withCapturedConnection } from '../prisma/transaction-connection';
import type { OutboxHeaders } from './outbox.service';

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  tenant_id: string | null;
  subject: string;
  payload: unknown;
  headers: OutboxHeaders;
  attempts: number;
}

const BATCH = 200;

export type OutboxRowToPublish = Pick<OutboxRow, 'id' | 'tenant_id' | 'subject' | 'payload' | 'headers'>;

/** The event envelope of an outbox row, as it travels on JetStream. */
export function envelopeOf(row: OutboxRowToPublish) {
  return {
    id: row.id,
    subject: row.subject,
    tenantId: row.tenant_id,
    occurredAt: row.headers.occurredAt,
    correlationId: row.headers.correlationId,
    actor: row.headers.actor ?? null,
    payload: row.payload,
  };
}

/**
 * Publishes committed outbox rows to JetStream with the row id as message id (JetStream drops a
 * duplicate within its window; consumers' inboxes drop any later one), then marks them published.
 * Woken after each commit that wrote events, and polling as a safety net.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;

  constructor(
    private readonly system: PrismaClientLike,
    private readonly js: JetStreamClient,
    private readonly namespace: SubjectNamespace,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly coalesceMs = 5,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Called after each commit that wrote events. Wake-ups within a few milliseconds are coalesced into one
   * pass, so under load one relay transaction publishes a batch instead of one pass per commit.
   */
  wake = (): void => {
    if (this.woken) return;
    this.woken = true;
    setTimeout(() => this.wakeUp?.(), this.coalesceMs).unref();
  };

  async stop(): Promise<void> {
    this.running = false;
    this.woken = true;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Publishes everything due now; returns how many rows were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published.count;
      if (published.claimed < BATCH) return total;
    }
  }

  /** Publishes one outbox row's event; used by the relay and by recovery tooling. */
  async publish(row: OutboxRowToPublish): Promise<void> {
    await this.js.publish(this.namespace.eventWire(row.subject), JSON.stringify(envelopeOf(row)), { msgID: row.id });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain();
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay pass failed');
      }
      if (!this.running) break;
      if (!this.woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.intervalMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      this.wakeUp = null;
      this.woken = false;
    }
  }

  private async publishBatch(): Promise<{ claimed: number; count: number }> {
    return withCapturedConnection((connection) =>
      this.system.$transaction(
        async (prismaTx: PrismaClientLike) => {
          // All of the relay's statements are its own: run them on the transaction's connection directly.
          const captured = connection();
          const tx = captured ? registerDirectExecutor(prismaTx, captured) : prismaTx;
          const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
            `SELECT id::text, tenant_id::text, subject, payload, headers, attempts FROM outbox_message
          WHERE published_at IS NULL AND next_attempt_at <= now()
          ORDER BY created_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          );
          if (rows.length === 0) return { claimed: 0, count: 0 };
          const results = await Promise.allSettled(rows.map((row) => this.publish(row)));
          const published: string[] = [];
          for (const [index, result] of results.entries()) {
            const row = rows[index] as OutboxRow;
            if (result.status === 'fulfilled') {
              published.push(row.id);
              continue;
            }
            const delayMs = Math.min(60000, 500 * 2 ** row.attempts);
            this.logger.warn({ err: result.reason, eventId: row.id, subject: row.subject }, 'event publish failed');
            await tx.$executeRawUnsafe(
              `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1::uuid`,
              row.id,
              String(result.reason).slice(0, 2000),
              String(delayMs),
            );
          }
          if (published.length > 0) {
            await tx.$executeRawUnsafe(
              `UPDATE outbox_message SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
              published,
            );
          }
          return { claimed: rows.length, count: published.length };
        },
        { timeout: 30000 },
      ),
    );
  }
}
