import type { AuditFields } from '../audit/audit-hash.util';

/**
 * A SQL string literal of `value`, as pg's `escapeLiteral` writes it (quotes doubled; with backslashes, an E'' literal
 * with them doubled) but with two regex replaces instead of a loop over every character: the JSON of a command's
 * writes is inlined on every commit.
 */
export function sqlLiteral(value: string): string {
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** An outbox row waiting for its transaction's commit. */
export interface PendingOutboxRow {
  id: string;
  tenantId: string | null;
  subject: string;
  payload: unknown;
  headers: unknown;
}

/**
 * An audit entry waiting for its transaction's commit. Its place in the tenant's chain (seq, previous hash) is only
 * known under the chain's lock, so the database assigns it and computes the hash as
 * sha256(prev_hash + "\n" + hashPrefix + seq + hashSuffix), where prefix and suffix are the entry's canonical JSON
 * around the value of `seq` (see `audit-hash.util.ts`).
 */
export type PendingAuditEntry = Omit<AuditFields, 'tenantId' | 'seq'> & { hashPrefix: string; hashSuffix: string };

/** A keyed command's transaction result, sealed (`command-receipts.ts`), waiting for the commit. */
export interface PendingReceipt {
  /** The receipt's id (`receiptId` of the command key). */
  id: string;
  subject: string;
  tenantId: string | null;
  /** The transaction's slot in the command (`CommandReceipts.slotOf`). */
  slot: string;
  /** JSON of the sealed result. */
  result: string;
}

/**
 * The platform's writes of one transaction, held until it commits and then sent in the same round trip as the
 * COMMIT: the outbox rows and, per tenant, the audit entries (appended by the schema's `audit_append` function,
 * which takes the chain's lock only for the time of that last round trip).
 */
export class PendingWrites {
  readonly outbox: PendingOutboxRow[] = [];
  private readonly audit = new Map<string, PendingAuditEntry[]>();
  /** The result of this transaction in the receipt of the keyed command it belongs to (`command-receipts.ts`). */
  private receipt: PendingReceipt | null = null;

  addReceipt(receipt: PendingReceipt): void {
    this.receipt = receipt;
  }

  addAudit(tenantId: string, entry: PendingAuditEntry): void {
    const entries = this.audit.get(tenantId);
    if (entries) entries.push(entry);
    else this.audit.set(tenantId, [entry]);
  }

  /** The statements that write everything pending, as SQL with its values inlined as literals; null if none. */
  statement(): string | null {
    const statements: string[] = [];
    if (this.outbox.length > 0) {
      statements.push(
        `INSERT INTO outbox_message (id, tenant_id, subject, payload, headers)
         SELECT (r->>'id')::uuid, (r->>'tenantId')::uuid, r->>'subject', r->'payload', r->'headers'
           FROM jsonb_array_elements(${sqlLiteral(JSON.stringify(this.outbox))}::jsonb) AS r`,
      );
    }
    if (this.audit.size > 0) {
      // Tenants in a fixed order, so two transactions never take two chains' locks in opposite orders.
      const chains = [...this.audit.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([tenant, entries]) => ({ tenant, entries }));
      statements.push(
        `SELECT audit_append(c.tenant, c.entries)
           FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(chains))}::jsonb) AS c(tenant uuid, entries jsonb)`,
      );
    }
    if (this.receipt) {
      const { id, subject, tenantId, slot, result } = this.receipt;
      const tenant = tenantId === null ? 'NULL' : `${sqlLiteral(tenantId)}::uuid`;
      statements.push(
        `INSERT INTO command_receipt (key, subject, tenant_id, results)
         VALUES (${sqlLiteral(id)}, ${sqlLiteral(subject)}, ${tenant},
                 jsonb_build_object(${sqlLiteral(slot)}, ${sqlLiteral(result)}::jsonb))
         ON CONFLICT (key, subject) DO UPDATE SET results = command_receipt.results || EXCLUDED.results`,
      );
    }
    return statements.length > 0 ? statements.join(';\n') : null;
  }
}
