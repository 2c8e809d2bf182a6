import type { CountryCycle } from './country-run';
import { query, SCHEMAS } from './event-pipeline';
import type { GatewayClient } from './gateway-client';
import { pipelineChecks, type RunCheck } from './pipeline-checks';

/** One reconciliation of the country run. */
export type CountryCheck = RunCheck;

export interface CountryReconcileInput {
  database: string;
  prefix: string;
  client: GatewayClient;
  cycles: CountryCycle[];
}

type Counts = Map<string, number>;

/** `SELECT tenant_id, <n> … GROUP BY tenant_id` as a map from tenant id to the count. */
async function perTenant(database: string, sql: string): Promise<Counts> {
  const rows = await query<{ tenant_id: string; n: string }>(database, sql);
  return new Map(rows.map((r) => [r.tenant_id, Number(r.n)]));
}

const countOf = (schema: string, table: string, where = 'true') =>
  `SELECT tenant_id, count(*) AS n FROM "${schema}".${table} WHERE ${where} GROUP BY tenant_id`;

/**
 * The country run's counts, read from PostgreSQL, JetStream and the audit routes: each jurisdiction's applications and
 * titles as its cycle was answered, the same number of notices, decisions, duties, revocations, bans and transfers in
 * every jurisdiction (they ran the same document the same way: one lost or doubled write shows), the ledger balanced,
 * every event published once and handled once, nothing dead-lettered, every audit chain whole.
 */
export async function reconcileCountry(input: CountryReconcileInput): Promise<CountryCheck[]> {
  const { database: db, cycles } = input;
  const checks: CountryCheck[] = [];
  const check = (name: string, ok: boolean, found: string) => checks.push({ check: name, ok, found });
  const finished = cycles.filter((c) => !c.error);
  const keys = finished.map((c) => c.context.key);
  const tenants = await query<{ id: string; key: string }>(
    db,
    'SELECT id, key FROM gateway.tenant WHERE key = ANY($1)',
    [keys],
  );
  const idOf = new Map(tenants.map((t) => [t.key, t.id]));
  check(
    'every jurisdiction onboarded once',
    tenants.length === finished.length,
    `${tenants.length} of ${finished.length}`,
  );

  const answered = async (name: string, sql: string, expected: (cycle: CountryCycle) => number) => {
    const counts = await perTenant(db, sql);
    const off = finished.filter((c) => (counts.get(idOf.get(c.context.key) ?? '') ?? 0) !== expected(c));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    check(
      name,
      off.length === 0,
      `${total} in all${off.length ? `; off in ${off.map((c) => c.context.key).join(', ')}` : ''}`,
    );
  };
  await answered(
    'each application started once',
    countOf('applications', 'application'),
    (c) => c.context.applicants.length,
  );
  await answered(
    'each title awarded once',
    countOf('awards', 'title'),
    (c) => c.context.applicants.filter((a) => a.titleId).length,
  );

  const uniform = async (name: string, sql: string) => {
    const counts = await perTenant(db, sql);
    const seen = finished.map((c) => counts.get(idOf.get(c.context.key) ?? '') ?? 0);
    const first = seen[0] ?? 0;
    const off = finished.filter((_, i) => seen[i] !== first);
    check(
      `${name}: the same in every jurisdiction`,
      first > 0 && off.length === 0,
      `${first} each, ${seen.reduce((a, b) => a + b, 0)} in all${
        off.length
          ? `; off in ${off
              .slice(0, 10)
              .map((c) => c.context.key)
              .join(', ')}`
          : ''
      }`,
    );
  };
  await uniform('notices', countOf('objections', 'notice'));
  await uniform('closed notices', countOf('objections', 'notice', 'closed_at IS NOT NULL'));
  await uniform('application status transitions', countOf('applications', 'application_event'));
  await uniform('commendation decisions', countOf('awards', 'commendation_decision'));
  await uniform('duties', countOf('awards', 'duty'));
  await uniform('revocation cases', countOf('awards', 'revocation_case'));
  await uniform('bans', countOf('awards', 'application_ban'));
  await uniform('entitlements', countOf('funds', 'entitlement'));
  await uniform('ledger transfers', countOf('funds', 'ledger_transfer'));
  await uniform('clawback cases', countOf('funds', 'clawback_case'));
  await uniform('fen posted', `SELECT tenant_id, sum(debits_posted) AS n FROM funds.ledger_account GROUP BY tenant_id`);

  const unbalanced = await query<{ tenant_id: string; debits: string; credits: string }>(
    db,
    `SELECT tenant_id, sum(debits_posted) AS debits, sum(credits_posted) AS credits FROM funds.ledger_account
      GROUP BY tenant_id HAVING sum(debits_posted) <> sum(credits_posted)`,
  );
  check('every ledger balanced (debits = credits)', unbalanced.length === 0, `${unbalanced.length} unbalanced`);
  const closes = await query<{ n: string }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM objections.audit_entry WHERE action = 'notice.close'
      GROUP BY target_id HAVING count(*) > 1) AS doubled`,
  );
  check('every notice closed once', Number(closes[0]?.n) === 0, `${closes[0]?.n} closed twice`);

  checks.push(...(await pipelineChecks(db, input.prefix, { settleMs: 300_000 })));
  checks.push(await auditChains(input.client, finished));
  return checks;
}

/** Every jurisdiction's audit chain in every service, verified through the gateway (eight at a time). */
async function auditChains(client: GatewayClient, cycles: CountryCycle[]): Promise<CountryCheck> {
  const broken: string[] = [];
  let verified = 0;
  const work = cycles.flatMap((c) => SCHEMAS.map((service) => ({ c, service })));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let item = work[next++]; item; item = work[next++]) {
        const answer = await client.call('GET', item.c.context.api(`/audit/verify?service=${item.service}`), {
          token: item.c.context.token('office'),
        });
        if (answer.status === 200 && answer.body.ok === true) verified += 1;
        else broken.push(`${item.c.context.key}/${item.service}`);
      }
    }),
  );
  return {
    check: 'every audit chain verifies',
    ok: broken.length === 0,
    found: `${verified} chains whole${broken.length ? `; broken: ${broken.slice(0, 10).join(', ')}` : ''}`,
  };
}
