import { headers } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { RequestMux } from '../nats/request-mux';
import type { SubjectNamespace } from '../nats/subject-namespace';
import type { SqlExecutor } from '../prisma/prisma-client-like';
import { platformSql } from '../prisma/transaction-scope';
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
/** JetStream's de-duplication header: the outbox row id. */
const MSG_ID_HEADER = 'Nats-Msg-Id';
const PUBLISH_TIMEOUT_MS = 5000;

/** JetStream's answer to a publish. */
interface PubAck {
  stream?: string;
  seq?: number;
  duplicate?: boolean;
  error?: { code: number; description: string };
}
/** The poll leaves a row this long to the transaction that wrote it, which hands it over at commit. */
const HANDOVER_GRACE = '1 second';

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

/** What the relay needs of the service's database. */
export interface RelayDatabase {
  asSystem<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  readonly systemSql: SqlExecutor;
}

/**
 * Publishes committed outbox rows to JetStream with the row id as message id (JetStream drops a duplicate within its
 * window; consumers' inboxes drop any later one), then marks them published.
 *
 * Two paths: each committed row is handed over by its transaction (`committed`) and published within a few
 * milliseconds, in batches, then marked with one UPDATE per batch; and a poll every `intervalMs` claims whatever is
 * still unpublished a second after it was written — rows of a process that died, of a failed publish (with back-off),
 * or written while the relay was stopped.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private queue: OutboxRowToPublish[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly database: RelayDatabase,
    private readonly requests: RequestMux,
    private readonly namespace: SubjectNamespace,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /**
     * How long handed-over rows wait for company: at 750 commands/s, 2 ms made batches of about 2.7 events (one
     * UPDATE per 2.7 commands), 10 ms about 13; events still leave within 10 ms of their commit.
     */
    private readonly coalesceMs = 10,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Called once the transaction that wrote `row` committed. Rows committed within a few milliseconds are published
   * together; while the relay is stopped they are left to the poll.
   */
  committed = (row: OutboxRowToPublish): void => {
    if (!this.running) return;
    this.queue.push(row);
    this.flushTimer ??= setTimeout(() => this.flush(), this.coalesceMs);
  };

  /** Publishes what was handed over, ends the poll after its current pass. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.flushTimer) this.flush();
    this.wakeUp?.();
    await Promise.allSettled([...this.flushing]);
    await this.loop;
    this.loop = null;
  }

  /**
   * Publishes everything due now, batch after batch while `goOn()` holds; returns how many rows were published. The
   * poll stops between batches once the relay is stopping, so that a backlog does not hold up shutdown.
   */
  async drain(goOn: () => boolean = () => true): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published.count;
      if (published.claimed < BATCH || !goOn()) return total;
    }
  }

  /**
   * Publishes one outbox row's event to JetStream and waits for the stream's acknowledgement; used by the relay and
   * by recovery tooling. (What `JetStreamClient.publish` does, on the platform's request mux.)
   */
  async publish(row: OutboxRowToPublish): Promise<void> {
    const h = headers();
    h.set(MSG_ID_HEADER, row.id);
    const reply = await this.requests.request(this.namespace.eventWire(row.subject), JSON.stringify(envelopeOf(row)), {
      timeoutMs: PUBLISH_TIMEOUT_MS,
      headers: h,
    });
    const ack = reply.json<PubAck>();
    if (ack.error) throw new Error(`JetStream refused event ${row.id}: ${ack.error.description} (${ack.error.code})`);
    if (typeof ack.stream !== 'string')
      throw new Error(`event ${row.id}: the answer was not a JetStream acknowledgement`);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const rows = this.queue;
    this.queue = [];
    if (rows.length === 0) return;
    const work = this.publishCommitted(rows).catch((error: unknown) =>
      // The rows stay unpublished: the poll publishes them.
      this.logger.warn({ err: error, events: rows.length }, 'publishing committed events failed'),
    );
    this.flushing.add(work);
    void work.finally(() => this.flushing.delete(work));
  }

  /** Publishes handed-over rows and marks the ones JetStream took; the others are left to the poll. */
  private async publishCommitted(rows: OutboxRowToPublish[]): Promise<void> {
    const { published } = await this.publishAll(rows);
    await this.markPublished(this.database.systemSql, published);
  }

  /** Publishes `rows` at once; which were taken, which failed and why. */
  private async publishAll<R extends OutboxRowToPublish>(
    rows: R[],
  ): Promise<{ published: string[]; failed: Array<{ row: R; reason: unknown }> }> {
    const results = await Promise.allSettled(rows.map((row) => this.publish(row)));
    const published: string[] = [];
    const failed: Array<{ row: R; reason: unknown }> = [];
    results.forEach((result, index) => {
      const row = rows[index] as R;
      if (result.status === 'fulfilled') published.push(row.id);
      else failed.push({ row, reason: result.reason });
    });
    return { published, failed };
  }

  private async markPublished(sql: SqlExecutor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await sql.$executeRawUnsafe(
      `UPDATE outbox_message SET published_at = now(), attempts = attempts + 1
        WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
      ids,
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain(() => this.running);
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay pass failed');
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.intervalMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private publishBatch(): Promise<{ claimed: number; count: number }> {
    return this.database.asSystem(async (prismaTx) => {
      // All of the relay's statements are its own: run them on the transaction's connection directly.
      const tx = platformSql(prismaTx);
      const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
        `SELECT id::text, tenant_id::text, subject, payload, headers, attempts FROM outbox_message
          WHERE published_at IS NULL AND next_attempt_at <= now() AND created_at <= now() - interval '${HANDOVER_GRACE}'
          ORDER BY created_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return { claimed: 0, count: 0 };
      const { published, failed } = await this.publishAll(rows);
      for (const { row, reason } of failed) {
        const delayMs = Math.min(60000, 500 * 2 ** row.attempts);
        this.logger.warn({ err: reason, eventId: row.id, subject: row.subject }, 'event publish failed');
        await tx.$executeRawUnsafe(
          `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1::uuid`,
          row.id,
          String(reason).slice(0, 2000),
          String(delayMs),
        );
      }
      await this.markPublished(tx, published);
      return { claimed: rows.length, count: published.length };
    });
  }
}
