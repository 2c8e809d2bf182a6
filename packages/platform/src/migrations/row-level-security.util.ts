/**
 * Row-level security for tenant-owned tables: every table with a NOT NULL `tenant_id` column.
 * The create-migration command appends these statements for each such table its migration creates.
 */

/** The one policy every tenant-owned table carries. */
export const TENANT_POLICY_NAME = 'tenant_isolation';

/** The session setting the platform kit sets inside each transaction from the request context. */
export const TENANT_SETTING = 'app.tenant_id';

const TENANT_MATCH = `tenant_id = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;

/** A (possibly schema-qualified) identifier as the schema engine prints it: `"name"` or `"schema"."name"`. */
const QUOTED_NAME = String.raw`"(?:[^"]|"")+"(?:\."(?:[^"]|"")+")?`;
const CREATE_TABLE = new RegExp(String.raw`^CREATE TABLE (${QUOTED_NAME}) \(\n([\s\S]*?)\n\);$`, 'gm');
const TENANT_COLUMN_NOT_NULL = /^\s*"tenant_id" [^\n]*\bNOT NULL\b/m;

/** The statements that make one table tenant-isolated; `table` is the quoted name as printed in the migration. */
export function rowLevelSecurityStatements(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY ${TENANT_POLICY_NAME} ON ${table} USING (${TENANT_MATCH}) WITH CHECK (${TENANT_MATCH});`,
  ];
}

/**
 * The tables a migration script creates whose `tenant_id` is NOT NULL, in script order, as quoted names.
 * Reads the schema engine's own `CREATE TABLE "name" (\n  columns...\n);` blocks.
 */
export function tenantOwnedTablesCreatedBy(sql: string): string[] {
  const tables: string[] = [];
  for (const match of sql.matchAll(CREATE_TABLE)) {
    const [, table, body] = match;
    if (table !== undefined && body !== undefined && TENANT_COLUMN_NOT_NULL.test(body)) tables.push(table);
  }
  return tables;
}

/** The migration script plus the row-level security block for the tenant-owned tables it creates. */
export function withRowLevelSecurity(sql: string): { sql: string; tables: string[] } {
  const tables = tenantOwnedTablesCreatedBy(sql);
  if (tables.length === 0) return { sql, tables };
  const block = tables.map((table) => `-- RowLevelSecurity\n${rowLevelSecurityStatements(table).join('\n')}\n`);
  return { sql: `${sql.trimEnd()}\n\n${block.join('\n')}`, tables };
}
