import { randomUUID } from 'node:crypto';
import type { AuditEntryView, AuditVerification } from '@laurel/contracts';
import type { Clock } from '../clock/clock';
import { RequestContexts } from '../context/request-context';
import type { SqlExecutor } from '../prisma/prisma-client-like';
import { platformSql } from '../prisma/transaction-connection';
import { type AuditFields, auditHash, canonicalJson, GENESIS_HASH } from './audit-hash.util';

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

  async record(transaction: SqlExecutor & object, record: AuditRecord): Promise<void> {
    const tx = platformSql(transaction);
    const context = RequestContexts.current() ?? RequestContexts.system();
    const tenantId = RequestContexts.requireTenant();
    // One writer per chain (this service's schema, this tenant) at a time; released at commit.
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended('audit:' || current_schema() || ':' || $1, 0))`,
      tenantId,
    );
    const last = await tx.$queryRawUnsafe<{ seq: string | number | bigint; hash: string }[]>(
      `SELECT seq, hash FROM audit_entry WHERE tenant_id = $1::uuid ORDER BY seq DESC LIMIT 1`,
      tenantId,
    );
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    // Round-trip through JSON so the hash covers exactly what jsonb stores and returns.
    const normalise = (value: unknown) => (value === undefined ? null : (JSON.parse(canonicalJson(value)) as unknown));
    const fields: AuditFields = {
      id: randomUUID(),
      tenantId,
      seq: Number(last[0]?.seq ?? 0) + 1,
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
    await tx.$executeRawUnsafe(
      `INSERT INTO audit_entry (id, tenant_id, seq, actor_id, actor_roles, action, target_type, target_id, basis,
         before, after, correlation_id, occurred_at, prev_hash, hash)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5::text[], $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13::timestamptz, $14, $15)`,
      fields.id,
      fields.tenantId,
      fields.seq,
      fields.actorId,
      fields.actorRoles,
      fields.action,
      fields.targetType,
      fields.targetId,
      fields.basis,
      fields.before === null ? null : JSON.stringify(fields.before),
      fields.after === null ? null : JSON.stringify(fields.after),
      fields.correlationId,
      fields.occurredAt,
      prevHash,
      auditHash(prevHash, fields),
    );
  }

  /** Entries of the tenant in context (row-level security confines the query). */
  async list(tx: SqlExecutor, afterSeq: number, limit: number): Promise<AuditEntryView[]> {
    const rows = await this.rows(tx, afterSeq, limit);
    return rows.map((row) => {
      const f = toFields(row);
      return { ...f, before: f.before ?? null, after: f.after ?? null, hash: row.hash };
    });
  }

  /** Walks the tenant's chain and reports the first entry that does not hold. */
  async verify(tx: SqlExecutor): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let afterSeq = 0;
    let count = 0;
    for (;;) {
      const rows = await this.rows(tx, afterSeq, 1000);
      for (const row of rows) {
        const fields = toFields(row);
        if (fields.seq !== expectedSeq) {
          return { ok: false, entries: count, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
        }
        if (row.prev_hash !== prevHash || auditHash(prevHash, fields) !== row.hash) {
          return { ok: false, entries: count, brokenAt: fields.seq, reason: `entry ${fields.seq} was altered` };
        }
        prevHash = row.hash;
        expectedSeq += 1;
        afterSeq = fields.seq;
        count += 1;
      }
      if (rows.length < 1000) return { ok: true, entries: count, brokenAt: null, reason: null };
    }
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
