import {
  rowLevelSecurityStatements,
  tenantOwnedTablesCreatedBy,
  withRowLevelSecurity,
} from './row-level-security.util';

const POLICY_MATCH = `tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

const createTable = (name: string, columns: string[]) =>
  `-- CreateTable\nCREATE TABLE ${name} (\n${columns.map((c) => `    ${c},`).join('\n')}\n\n    CONSTRAINT "x_pkey" PRIMARY KEY ("id")\n);\n`;

const tenantOwned = createTable('"probe_item"', [
  '"id" UUID NOT NULL',
  '"tenant_id" UUID NOT NULL',
  '"name" TEXT NOT NULL',
]);
const nullableTenant = createTable('"outbox_message"', [
  '"id" UUID NOT NULL',
  '"tenant_id" UUID',
  '"subject" TEXT NOT NULL',
]);
const noTenant = createTable('"inbox_message"', ['"consumer" TEXT NOT NULL', '"event_id" UUID NOT NULL']);

describe('row-level security SQL', () => {
  it('isolates one table by app.tenant_id, enabled and forced, for reads and writes', () => {
    const sut = rowLevelSecurityStatements('"probe_item"');

    expect(sut).toEqual([
      'ALTER TABLE "probe_item" ENABLE ROW LEVEL SECURITY;',
      'ALTER TABLE "probe_item" FORCE ROW LEVEL SECURITY;',
      `CREATE POLICY tenant_isolation ON "probe_item" USING (${POLICY_MATCH}) WITH CHECK (${POLICY_MATCH});`,
    ]);
  });

  it('finds the created tables whose tenant_id is NOT NULL, in script order', () => {
    const sql = [
      nullableTenant,
      tenantOwned,
      noTenant,
      createTable('"probe_effect"', ['"tenant_id" UUID NOT NULL']),
    ].join('\n');

    const sut = tenantOwnedTablesCreatedBy(sql);

    expect(sut).toEqual(['"probe_item"', '"probe_effect"']);
  });

  it('ignores a tenant_id that is only mentioned, added to an existing table or nullable', () => {
    const sql = [
      nullableTenant,
      'ALTER TABLE "probe_item" ADD COLUMN "tenant_id" UUID NOT NULL;',
      'CREATE INDEX "x_tenant_id_idx" ON "x"("tenant_id");',
      createTable('"owner_ref"', ['"owner_tenant_id" UUID NOT NULL']),
    ].join('\n');

    const sut = tenantOwnedTablesCreatedBy(sql);

    expect(sut).toEqual([]);
  });

  it('accepts schema-qualified names and other column types', () => {
    const sql = createTable('"probe"."probe_note"', ['"tenant_id" TEXT NOT NULL DEFAULT \'x\'']);

    const sut = tenantOwnedTablesCreatedBy(sql);

    expect(sut).toEqual(['"probe"."probe_note"']);
  });

  it('appends a block per tenant-owned table after the generated script', () => {
    const sql = `${nullableTenant}\n${tenantOwned}`;

    const sut = withRowLevelSecurity(sql);

    expect(sut.tables).toEqual(['"probe_item"']);
    expect(sut.sql.startsWith(sql.trimEnd())).toBe(true);
    expect(sut.sql.endsWith(`${rowLevelSecurityStatements('"probe_item"').join('\n')}\n`)).toBe(true);
    expect(sut.sql).not.toContain('ON "outbox_message"');
  });

  it('leaves a script without tenant-owned tables untouched', () => {
    const sut = withRowLevelSecurity(noTenant);

    expect(sut).toEqual({ sql: noTenant, tables: [] });
  });
});
