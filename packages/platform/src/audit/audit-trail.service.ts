import { randomUUID } from 'node:crypto';
import type { AuditEntryView, AuditVerification } from '@laurel/contracts';
import type { Clock } from '../clock/clock';
import { RequestContexts } from '../context/request-context';
import type { SqlExecutor } from '../prisma/prisma-client-like';
import { TransactionScopes } from '../prisma/transaction-scope';
import type { AuditAnchor } from './audit-anchors.service';
import { type AuditFields, auditHash, canonicalAroundSeq, canonicalJson, GENESIS_HASH } from './audit-hash.util';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string;
  /** The article of the regulation the action applied, e.g. `第十九条`. */
  basis?: string | null;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  id: string;
  tenant_id: string;
  seq: string | number | bigint;
  actor_id: string | null;
  actor_roles: string[];
  action: string;
  target_type: string;
  target_id: string;
  basis: string | null;
  before: unknown;
  after: unknown;
  correlation_id: string | null;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

const toFields = (row: AuditRow): AuditFields => ({
  id: row.id,
  tenantId: row.tenant_id,
  seq: Number(row.seq),
  actorId: row.actor_id,
  actorRoles: row.actor_roles,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  basis: row.basis,
  before: row.before,
  after: row.after,
  correlationId: row.correlation_id,
  occurredAt: row.occurred_at.toISOString(),
});

/**
 * The audit trail: every state-changing command writes an entry in its own transaction, chained per
 * tenant by hash, so that a changed, removed or re-ordered entry is detected by `verify`.
 */
export class AuditTrail {
  constructor(private readonly clock: Clock) {}

  /**
   * Records an entry in the tenant's chain as part of the transaction `tx` belongs to. It is appended in the round
   * trip that commits (see `PendingWrites`), under the chain's lock, so the lock is held for that round trip only.
   */
  async record(_tx: SqlExecutor & object, record: AuditRecord): Promise<void> {
    const scope = TransactionScopes.require('AuditTrail.record');
    const context = RequestContexts.current() ?? RequestContexts.system();
    const tenantId = RequestContexts.requireTenant();
    // Round-trip through JSON so the hash covers exactly what jsonb stores and returns.
    const normalise = (value: unknown) => (value === undefined ? null : (JSON.parse(canonicalJson(value)) as unknown));
    const fields: Omit<AuditFields, 'seq'> = {
      id: randomUUID(),
      tenantId,
      actorId: context.actor?.userId ?? null,
      actorRoles: context.actor?.roles ?? [],
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      basis: record.basis ?? null,
      before: normalise(record.before),
      after: normalise(record.after),
      correlationId: context.correlationId,
      occurredAt: this.clock.now().toISOString(),
    };
    const { prefix, suffix } = canonicalAroundSeq(fields);
    const { tenantId: _tenant, ...entry } = fields;
    scope.pending.addAudit(tenantId, { ...entry, hashPrefix: prefix, hashSuffix: suffix });
  }

  /** Entries of the tenant in context (row-level security confines the query). */
  async list(tx: SqlExecutor, afterSeq: number, limit: number): Promise<AuditEntryView[]> {
    const rows = await this.rows(tx, afterSeq, limit);
    return rows.map((row) => {
      const f = toFields(row);
      return { ...f, before: f.before ?? null, after: f.after ?? null, hash: row.hash };
    });
  }

  /**
   * Walks the tenant's chain and reports the first entry that does not hold. With the chain's anchor (its head as
   * last anchored outside the database, `AuditAnchors`), it also reports entries removed from the end: the chain must
   * still reach the anchored entry, with the anchored hash.
   */
  async verify(tx: SqlExecutor, anchor: AuditAnchor | null = null): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let afterSeq = 0;
    let count = 0;
    const anchoredSeq = anchor?.seq ?? null;
    for (;;) {
      const rows = await this.rows(tx, afterSeq, 1000);
      for (const row of rows) {
        const fields = toFields(row);
        if (fields.seq !== expectedSeq) {
          return {
            ok: false,
            entries: count,
            brokenAt: expectedSeq,
            reason: `entry ${expectedSeq} is missing`,
            anchoredSeq,
          };
        }
        if (row.prev_hash !== prevHash || auditHash(prevHash, fields) !== row.hash) {
          return {
            ok: false,
            entries: count,
            brokenAt: fields.seq,
            reason: `entry ${fields.seq} was altered`,
            anchoredSeq,
          };
        }
        if (anchor && fields.seq === anchor.seq && row.hash !== anchor.hash) {
          const reason = `entry ${fields.seq} differs from the one anchored at ${anchor.anchoredAt}: the chain was rewritten`;
          return { ok: false, entries: count, brokenAt: fields.seq, reason, anchoredSeq };
        }
        prevHash = row.hash;
        expectedSeq += 1;
        afterSeq = fields.seq;
        count += 1;
      }
      if (rows.length < 1000) break;
    }
    if (anchor && count < anchor.seq) {
      const reason = `the chain ends at entry ${count}, but entry ${anchor.seq} was anchored at ${anchor.anchoredAt}: entries were removed`;
      return { ok: false, entries: count, brokenAt: count + 1, reason, anchoredSeq };
    }
    return { ok: true, entries: count, brokenAt: null, reason: null, anchoredSeq };
  }

  private rows(tx: SqlExecutor, afterSeq: number, limit: number): Promise<AuditRow[]> {
    return tx.$queryRawUnsafe<AuditRow[]>(
      `SELECT id::text, tenant_id::text, seq, actor_id, actor_roles, action, target_type, target_id, basis, before, after,
              correlation_id, occurred_at, prev_hash, hash
         FROM audit_entry WHERE tenant_id = $1::uuid AND seq > $2 ORDER BY seq LIMIT $3`,
      RequestContexts.requireTenant(),
      afterSeq,
      limit,
    );
  }
}
