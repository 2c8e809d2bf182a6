import { withAdmin } from '../src/admin-database.util';
import { TestInfrastructure } from '../src/test-infrastructure';

/**
 * Every tenant-owned table of every service (a NOT NULL tenant_id) has row-level security enabled and forced,
 * so a table added later without it fails here before it can leak a tenant's rows.
 */
describe('row-level security on every tenant-owned table', () => {
  let infra: TestInfrastructure;

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
  });
  afterAll(async () => {
    await infra?.dispose();
  });

  it('is enabled and forced, with the tenant policy, everywhere', async () => {
    const rows = await withAdmin(async (client) => {
      const result = await client.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
        `SELECT n.nspname || '.' || c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull
          WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          ORDER BY 1`,
      );
      return result.rows;
    }, infra.database);
    const schemas = new Set(rows.map((r) => r.table.split('.')[0]));
    expect([...schemas].sort()).toEqual(
      expect.arrayContaining(['applications', 'awards', 'gateway', 'objections', 'probe']),
    );
    const unprotected = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unprotected).toEqual([]);
  });
});
