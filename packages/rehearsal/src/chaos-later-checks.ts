import type { AwardTraffic } from './chaos-award-traffic';
import { CHAOS_DEPARTMENT } from './chaos-award-traffic';
import type { ChaosCheck } from './chaos-checks';
import { CHAOS_DOCUMENT, CHAOS_VOUCHER, type FundsTraffic } from './chaos-funds-traffic';
import { query } from './event-pipeline';

export interface LaterCycleInput {
  database: string;
  /** The tenant of the later cycle, and the cycle. */
  tenantId: string;
  cycleNumber: number;
  awards: AwardTraffic;
  funds: FundsTraffic;
}

const count = async (database: string, sql: string, values: unknown[] = []) =>
  Number((await query<{ n: string }>(database, sql, values))[0]?.n ?? 0);

/** The events of a subject a tenant's service put in its outbox. */
const events = (database: string, schema: string, subject: string, tenantId: string) =>
  count(database, `SELECT count(*) AS n FROM "${schema}".outbox_message WHERE subject = $1 AND tenant_id = $2`, [
    subject,
    tenantId,
  ]);

/**
 * The later cycle's writes under the chaos against what the clients were answered, from PostgreSQL: one approval and
 * its titles, one certificate per title, the duties each plan answered (one per title and article), each department,
 * appropriation and instalment once, one event per write, and the ledger: every transfer's debit and credit, each
 * account's sums equal to the transfers that moved it, the budget years' appropriations equal to what was answered.
 */
export async function reconcileLaterCycle(input: LaterCycleInput): Promise<ChaosCheck[]> {
  const { database: db, tenantId, awards, funds } = input;
  const checks: ChaosCheck[] = [];
  const check = (name: string, ok: boolean, found: string) => checks.push({ check: name, ok, found });

  const titles = ((awards.decision?.titles ?? []) as unknown[]).length;
  const decisions = await count(
    db,
    'SELECT count(*) AS n FROM awards.commendation_decision WHERE tenant_id = $1 AND cycle_number = $2',
    [tenantId, input.cycleNumber],
  );
  const titleRows = await count(
    db,
    `SELECT count(*) AS n FROM awards.title t JOIN awards.commendation_decision d ON d.id = t.decision_id
      WHERE d.tenant_id = $1 AND d.cycle_number = $2`,
    [tenantId, input.cycleNumber],
  );
  const decided = await events(db, 'awards', 'awards.award.decided.v1', tenantId);
  check(
    'the approval recorded once, its titles granted once, one award.decided event',
    awards.decision !== null && decisions === 1 && titles > 0 && titleRows === titles && decided === 1,
    `${decisions} approval(s), ${titleRows} of ${titles} titles, ${decided} event(s)`,
  );
  const certificates = await count(db, 'SELECT count(*) AS n FROM awards.certificate WHERE tenant_id = $1', [tenantId]);
  check(
    'one certificate per title',
    certificates === titles && awards.certificates.size === titles,
    `${certificates} certificates, ${awards.certificates.size} answered, ${titles} titles`,
  );
  const planned = [...awards.duties.values()].reduce((sum, ids) => sum + ids.length, 0);
  const [duties] = await query<{ n: string; distinct_n: string; titles: string }>(
    db,
    `SELECT count(*) AS n, count(DISTINCT (title_id, key, sequence)) AS distinct_n, count(DISTINCT title_id) AS titles
       FROM awards.duty WHERE tenant_id = $1`,
    [tenantId],
  );
  check(
    'the duties planned once per title and article',
    awards.duties.size === titles &&
      planned > 0 &&
      Number(duties?.n) === planned &&
      Number(duties?.distinct_n) === planned &&
      Number(duties?.titles) === titles,
    `${duties?.n} duties of ${duties?.titles} titles, ${planned} answered`,
  );
  const departments = await count(
    db,
    'SELECT count(*) AS n FROM awards.department WHERE tenant_id = $1 AND name LIKE $2',
    [tenantId, `${CHAOS_DEPARTMENT} %`],
  );
  check(
    'each department registered once',
    departments === awards.departments,
    `${departments} of ${awards.departments}`,
  );

  const [appropriated] = await query<{ n: string; fen: string }>(
    db,
    'SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS fen FROM funds.appropriation WHERE tenant_id = $1 AND document LIKE $2',
    [tenantId, `${CHAOS_DOCUMENT}%`],
  );
  const answeredFen = [...funds.appropriated.values()].reduce((sum, fen) => sum + fen, 0);
  const allAppropriations = await count(db, 'SELECT count(*) AS n FROM funds.appropriation WHERE tenant_id = $1', [
    tenantId,
  ]);
  const loaded = await events(db, 'funds', 'funds.appropriation.loaded.v1', tenantId);
  check(
    'each appropriation loaded once, one appropriation.loaded event each',
    Number(appropriated?.n) === funds.appropriations &&
      Number(appropriated?.fen) === answeredFen &&
      loaded === allAppropriations,
    `${appropriated?.n} of ${funds.appropriations} (${appropriated?.fen} of ${answeredFen} fen), ${loaded} events for ${allAppropriations} rows`,
  );
  const entitlements = await count(
    db,
    `SELECT count(*) AS n FROM funds.entitlement WHERE tenant_id = $1 AND cycle_number = $2 AND status = 'obligated'`,
    [tenantId, input.cycleNumber],
  );
  const obligated = await events(db, 'funds', 'funds.entitlement.obligated.v1', tenantId);
  check(
    'one entitlement obligated per title, one event each',
    entitlements === titles && obligated === titles,
    `${entitlements} entitlements, ${obligated} events, ${titles} titles`,
  );
  const [paid] = await query<{ n: string; confirmed: string; fen: string }>(
    db,
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
            coalesce(sum(amount_fen) FILTER (WHERE status = 'confirmed'), 0) AS fen
       FROM funds.disbursement WHERE tenant_id = $1 AND voucher LIKE $2`,
    [tenantId, `${CHAOS_VOUCHER}%`],
  );
  const initiatedEvents = await events(db, 'funds', 'funds.disbursement.initiated.v1', tenantId);
  const confirmedEvents = await events(db, 'funds', 'funds.disbursement.confirmed.v1', tenantId);
  check(
    'each instalment initiated once and confirmed once, one event each',
    funds.confirmed > 0 &&
      Number(paid?.n) === funds.initiated &&
      Number(paid?.confirmed) === funds.confirmed &&
      Number(paid?.fen) === funds.paidFen &&
      initiatedEvents === funds.initiated &&
      confirmedEvents === funds.confirmed,
    `${paid?.n} of ${funds.initiated} initiated, ${paid?.confirmed} of ${funds.confirmed} confirmed (${paid?.fen} of ${funds.paidFen} fen), events ${initiatedEvents}/${confirmedEvents}`,
  );
  checks.push(...(await ledgerChecks(db, tenantId, funds)));
  return checks;
}

/** The ledger of the tenant: debits equal credits, and each account's sums are those of the transfers that moved it. */
async function ledgerChecks(db: string, tenantId: string, funds: FundsTraffic): Promise<ChaosCheck[]> {
  const [sums] = await query<{ dp: string; dpo: string; cp: string; cpo: string; accounts: string }>(
    db,
    `SELECT sum(debits_pending) AS dp, sum(debits_posted) AS dpo, sum(credits_pending) AS cp,
            sum(credits_posted) AS cpo, count(*) AS accounts
       FROM funds.ledger_account WHERE tenant_id = $1`,
    [tenantId],
  );
  // A transfer's amount moves its debit and credit account: single and post to posted; pending in, post and void out.
  const off = await query<{ id: string }>(
    db,
    `WITH moves AS (
       SELECT debit_account_id AS account, 'debit' AS side, phase, amount FROM funds.ledger_transfer WHERE tenant_id = $1
       UNION ALL
       SELECT credit_account_id, 'credit', phase, amount FROM funds.ledger_transfer WHERE tenant_id = $1),
     sums AS (
       SELECT account, side,
              coalesce(sum(amount) FILTER (WHERE phase IN ('single', 'post')), 0) AS posted,
              coalesce(sum(CASE phase WHEN 'pending' THEN amount WHEN 'post' THEN -amount WHEN 'void' THEN -amount
                                      ELSE 0 END), 0) AS pending
         FROM moves GROUP BY account, side)
     SELECT a.id FROM funds.ledger_account a
       LEFT JOIN sums d ON d.account = a.id AND d.side = 'debit'
       LEFT JOIN sums c ON c.account = a.id AND c.side = 'credit'
      WHERE a.tenant_id = $1
        AND (a.debits_posted <> coalesce(d.posted, 0) OR a.debits_pending <> coalesce(d.pending, 0)
          OR a.credits_posted <> coalesce(c.posted, 0) OR a.credits_pending <> coalesce(c.pending, 0))`,
    [tenantId],
  );
  const years = await query<{ budget_year: number; fen: string }>(
    db,
    `SELECT budget_year, sum(amount_fen) AS fen FROM funds.appropriation WHERE tenant_id = $1 AND document LIKE $2
      GROUP BY budget_year`,
    [tenantId, `${CHAOS_DOCUMENT}%`],
  );
  const yearsOff = years.filter((y) => Number(y.fen) !== (funds.appropriated.get(y.budget_year) ?? 0));
  return [
    {
      check: 'the ledger: debits equal credits, posted and pending, nothing left pending',
      ok: sums?.dpo === sums?.cpo && sums?.dp === sums?.cp && Number(sums?.dp) === 0,
      found: `${sums?.accounts} accounts: debits ${sums?.dpo} = credits ${sums?.cpo} posted, ${sums?.dp} = ${sums?.cp} pending`,
    },
    {
      check: 'each ledger account’s sums equal the transfers that moved it',
      ok: off.length === 0,
      found: `${off.length} account(s) off`,
    },
    {
      check: 'each budget year’s chaos appropriations equal what the clients were answered',
      ok: yearsOff.length === 0 && years.length === funds.appropriated.size,
      found: years.map((y) => `${y.budget_year}: ${y.fen} fen`).join(', ') || 'none',
    },
  ];
}
