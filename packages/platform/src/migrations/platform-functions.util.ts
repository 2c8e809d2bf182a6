import type { ClientBase } from 'pg';
import { quoteIdent } from './database-roles.util';

/**
 * The platform's own functions in a service schema, installed (or replaced) after every deploy like the roles'
 * grants: they belong to the platform's code, not to any one service's schema history (ADR 0006).
 *
 * `audit_append(tenant, entries)` appends entries to the tenant's audit chain: it takes the chain's lock (released
 * at commit), reads the chain's head, and inserts each entry with the next seq and
 * hash = sha256(prev_hash || '\n' || hashPrefix || seq || hashSuffix) — the same hash `auditHash` computes over the
 * entry's canonical JSON, which `AuditTrail.verify` recomputes. The function is VOLATILE, so under READ COMMITTED
 * the head is read with a snapshot taken after the lock was granted and sees the previous holder's entry.
 */
export function platformFunctionsSql(schema: string): string {
  const s = quoteIdent(schema);
  const lockPrefix = `audit:${schema}:`.replace(/'/g, "''");
  return `
CREATE OR REPLACE FUNCTION ${s}.audit_append(p_tenant uuid, p_entries jsonb) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_seq bigint;
  v_prev text;
  v_hash text;
  e jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('${lockPrefix}' || p_tenant::text, 0));
  SELECT a.seq, a.hash INTO v_seq, v_prev FROM ${s}.audit_entry a
   WHERE a.tenant_id = p_tenant ORDER BY a.seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0);
  v_prev := coalesce(v_prev, repeat('0', 64));
  FOR e IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
    v_seq := v_seq + 1;
    v_hash := encode(sha256(convert_to(v_prev || E'\\n' || (e->>'hashPrefix') || v_seq::text || (e->>'hashSuffix'), 'UTF8')), 'hex');
    INSERT INTO ${s}.audit_entry (id, tenant_id, seq, actor_id, actor_roles, action, target_type, target_id, basis,
                                  before, after, correlation_id, occurred_at, prev_hash, hash)
    VALUES ((e->>'id')::uuid, p_tenant, v_seq, e->>'actorId',
            ARRAY(SELECT jsonb_array_elements_text(e->'actorRoles')), e->>'action', e->>'targetType',
            e->>'targetId', e->>'basis', nullif(e->'before', 'null'::jsonb), nullif(e->'after', 'null'::jsonb),
            e->>'correlationId', (e->>'occurredAt')::timestamptz, v_prev, v_hash);
    v_prev := v_hash;
  END LOOP;
  RETURN v_seq;
END
$fn$;`;
}

/** Installs the platform's functions in `schema` (idempotent). */
export async function installPlatformFunctions(client: ClientBase, schema: string): Promise<void> {
  await client.query(platformFunctionsSql(schema));
}
