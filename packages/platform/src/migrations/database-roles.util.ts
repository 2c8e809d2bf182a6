import type { ClientBase } from 'pg';

/** Services' tenant-scoped work: subject to row-level security. */
export const APP_ROLE = 'laurel_app';
/** Platform-level paths (outbox relay, re-scheduling deadlines across tenants): bypasses row-level security. */
export const SYSTEM_ROLE = 'laurel_system';

/** Append-only tables: the service roles may read and insert, never change or delete (the funds ledger's transfers too). */
export const APPEND_ONLY_TABLES = ['audit_entry', 'ledger_transfer'] as const;

/** The engine's migration history: the service roles may read it, never write it. */
export const MIGRATIONS_TABLE = '_prisma_migrations';

const ROLES: Record<string, string> = {
  [APP_ROLE]: 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
  [SYSTEM_ROLE]: 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS',
};

/** PostgreSQL's duplicate_object, and unique_violation on pg_authid when two sessions create the role at once. */
const ALREADY_EXISTS = new Set(['42710', '23505']);

/** Quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates the service roles if missing. Roles are cluster-wide while databases are per test run, so several
 * runs may race here: whoever loses gets duplicate_object (or unique_violation) and moves on.
 * An existing role is left as it is (its password and attributes are the operator's business).
 */
export async function ensureServiceRoles(client: ClientBase): Promise<void> {
  for (const [role, attributes] of Object.entries(ROLES)) {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (rowCount) continue;
    try {
      await client.query(`CREATE ROLE ${quoteIdent(role)} ${attributes}`);
    } catch (error) {
      if (!ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

/**
 * Grants the service roles what they need on one service schema; idempotent, run after every deploy so new
 * tables are covered: USAGE on the schema; SELECT, INSERT, UPDATE, DELETE on its tables, except SELECT and
 * INSERT only on the append-only tables and SELECT only on `_prisma_migrations`; USAGE, SELECT on its sequences.
 */
export async function grantServiceSchema(client: ClientBase, schema: string): Promise<void> {
  const roles = `${quoteIdent(APP_ROLE)}, ${quoteIdent(SYSTEM_ROLE)}`;
  const s = quoteIdent(schema);
  await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${roles}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${roles}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${roles}`);
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2::text[])`,
    [schema, [...APPEND_ONLY_TABLES, MIGRATIONS_TABLE]],
  );
  for (const { name: table } of rows) {
    const revoked = table === MIGRATIONS_TABLE ? 'INSERT, UPDATE, DELETE, TRUNCATE' : 'UPDATE, DELETE, TRUNCATE';
    await client.query(`REVOKE ${revoked} ON TABLE ${s}.${quoteIdent(table)} FROM ${roles}`);
  }
}
