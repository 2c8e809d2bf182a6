import { type JetStreamClient, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { type Clock, SystemClock } from '../clock/clock';
import { ensureStream } from '../events/event-streams.util';
import type { SubjectNamespace } from '../nats/subject-namespace';
import type { SqlExecutor } from '../prisma/prisma-client-like';

/** A tenant's audit chain head as it was anchored outside the database. */
export interface AuditAnchor {
  tenantId: string;
  seq: number;
  hash: string;
  anchoredAt: string;
}

interface HeadRow {
  tenant_id: string;
  seq: string | number | bigint;
  hash: string;
}

/**
 * Anchors every tenant's audit chain head outside the database, in a JetStream stream that keeps the latest head per
 * tenant and refuses deleting or purging messages. A hash chain alone shows an entry changed or removed in its middle,
 * but not its last entries removed (the shorter chain is whole); `AuditTrail.verify` compares the chain with its
 * anchor, so that shows too. Heads are anchored every few seconds (`LAUREL_AUDIT_ANCHOR_INTERVAL_MS`): entries newer
 * than the last anchor are covered by the next one.
 *
 * An anchor never moves backwards: a head shorter than its anchor, or different at the anchored entry, is reported and
 * left unanchored (what a truncated or rewritten chain looks like after a restart).
 */
export class AuditAnchors {
  /** Per tenant, the sequence number this process anchored or found anchored. */
  private readonly anchored = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<number> | null = null;

  constructor(
    private readonly service: string,
    private readonly systemSql: SqlExecutor,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: SubjectNamespace,
    private readonly logger: Logger,
    /** When an anchor was written is an operational fact: the machine's time, even on a rehearsal platform. */
    private readonly wallClock: Clock = new SystemClock(),
  ) {}

  async start(intervalMs: number): Promise<void> {
    await ensureStream(this.jsm, {
      name: this.namespace.auditAnchorStream(),
      subjects: [`${this.namespace.prefix}.audit-anchor.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_msgs_per_subject: 1,
      deny_delete: true,
      deny_purge: true,
    });
    await this.anchorHeads();
    this.timer = setInterval(() => {
      if (this.pass) return;
      this.anchorHeads().catch((error: unknown) => this.logger.error({ err: error }, 'anchoring audit chains failed'));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer after a last pass, so that what was recorded before shutdown is anchored. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pass?.catch(() => undefined);
    await this.anchorHeads().catch((error: unknown) =>
      this.logger.error({ err: error }, 'anchoring audit chains at shutdown failed'),
    );
  }

  /** Anchors the heads that moved since the last pass; returns how many were anchored. One pass at a time. */
  anchorHeads(): Promise<number> {
    this.pass ??= this.anchorPass().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /** The tenant's latest anchor, or null when none was ever taken. */
  async latest(tenantId: string): Promise<AuditAnchor | null> {
    return (await this.latestMessage(tenantId)).anchor;
  }

  /** The latest anchor and its sequence in the stream (0: none), which the next anchor of the tenant must follow. */
  private async latestMessage(tenantId: string): Promise<{ anchor: AuditAnchor | null; streamSeq: number }> {
    try {
      const message = await this.jsm.streams.getMessage(this.namespace.auditAnchorStream(), {
        last_by_subj: this.namespace.auditAnchorSubject(this.service, tenantId),
      });
      return message
        ? { anchor: message.json() as AuditAnchor, streamSeq: message.seq }
        : { anchor: null, streamSeq: 0 };
    } catch (error) {
      if (isNotFound(error)) return { anchor: null, streamSeq: 0 };
      throw error;
    }
  }

  /** Whether the tenant's chain still holds the anchored entry, with the anchored hash. */
  private async holds(anchor: AuditAnchor): Promise<boolean> {
    const rows = await this.systemSql.$queryRawUnsafe<{ hash: string }[]>(
      'SELECT hash FROM audit_entry WHERE tenant_id = $1::uuid AND seq = $2',
      anchor.tenantId,
      anchor.seq,
    );
    return rows[0]?.hash === anchor.hash;
  }

  private async anchorPass(): Promise<number> {
    // Each tenant's last entry through the (tenant_id, seq) index, one probe per tenant: this runs every few seconds
    // and must not read the whole table (DISTINCT ON would).
    const heads = await this.systemSql.$queryRawUnsafe<HeadRow[]>(
      `WITH RECURSIVE tenants AS (
         (SELECT tenant_id FROM audit_entry ORDER BY tenant_id LIMIT 1)
         UNION ALL
         SELECT (SELECT a.tenant_id FROM audit_entry a WHERE a.tenant_id > t.tenant_id ORDER BY a.tenant_id LIMIT 1)
           FROM tenants t WHERE t.tenant_id IS NOT NULL)
       SELECT t.tenant_id::text, head.seq, head.hash FROM tenants t
         CROSS JOIN LATERAL (SELECT seq, hash FROM audit_entry a WHERE a.tenant_id = t.tenant_id
                               ORDER BY seq DESC LIMIT 1) head
        WHERE t.tenant_id IS NOT NULL`,
    );
    let count = 0;
    for (const head of heads) {
      const seq = Number(head.seq);
      const known = this.anchored.get(head.tenant_id);
      if (known !== undefined && seq <= known) continue;
      // Every instance of the service anchors: the latest anchor is read again, and the new one is published only if
      // no other instance anchored the tenant meanwhile (JetStream compares the subject's last sequence), so an anchor
      // read a moment ago never replaces a later one.
      const { anchor: latest, streamSeq } = await this.latestMessage(head.tenant_id);
      if (latest && seq <= latest.seq) {
        // Anchored already, perhaps by another instance after this pass read the head: fine while the chain still
        // holds the anchored entry; else entries were removed or changed, reported once and never re-anchored.
        if (await this.holds(latest)) {
          this.anchored.set(head.tenant_id, latest.seq);
        } else {
          this.logger.error(
            { tenantId: head.tenant_id, head: seq, anchored: latest.seq, anchoredAt: latest.anchoredAt },
            'the audit chain no longer holds its anchored entry: entries were removed or changed; not re-anchored',
          );
          this.anchored.set(head.tenant_id, Number.POSITIVE_INFINITY);
        }
        continue;
      }
      const anchor: AuditAnchor = {
        tenantId: head.tenant_id,
        seq,
        hash: head.hash,
        anchoredAt: this.wallClock.now().toISOString(),
      };
      try {
        await this.js.publish(this.namespace.auditAnchorSubject(this.service, head.tenant_id), JSON.stringify(anchor), {
          expect: { lastSubjectSequence: streamSeq },
        });
      } catch (error) {
        if (!isWrongLastSequence(error)) throw error;
        // Anchored by another instance between the read and the publish: the next pass reads it.
        continue;
      }
      this.anchored.set(head.tenant_id, seq);
      count += 1;
    }
    return count;
  }
}

const isNotFound = (error: unknown) =>
  error instanceof Error &&
  /no message found|not found|10037/i.test(`${error.message} ${(error as { code?: unknown }).code ?? ''}`);

/** JetStream refused a publish whose expected last sequence of the subject no longer holds (10071). */
const isWrongLastSequence = (error: unknown) =>
  error instanceof Error &&
  /wrong last sequence|10071/i.test(
    `${error.message} ${(error as { api_error?: { err_code?: number } }).api_error?.err_code ?? ''}`,
  );
