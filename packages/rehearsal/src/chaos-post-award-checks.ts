import type { ChaosCheck } from './chaos-checks';
import { CHAOS_SUBMISSION, type HolderTraffic } from './chaos-holder-traffic';
import type { RevocationTraffic } from './chaos-revocation-traffic';
import type { ScoringTraffic } from './chaos-scoring-traffic';
import { query } from './event-pipeline';

export interface PostAwardInput {
  database: string;
  /** The tenant of the later cycle (duties, the use of money, the revocation). */
  tenantId: string;
  holder: HolderTraffic;
  revocation: RevocationTraffic;
  /** The panel's scores, and the tenant of their cycle. */
  scoring: ScoringTraffic;
  scoredTenantId: string;
}

type Row = Record<string, string | null>;
const rows = (database: string, sql: string, values: unknown[]) => query<Row>(database, sql, values);
const one = async (database: string, sql: string, values: unknown[]) => (await rows(database, sql, values))[0] ?? {};

/** How many audit entries of an action each target has: the targets with one and with more than one. */
async function audited(db: string, schema: string, tenantId: string, action: string): Promise<[number, number]> {
  const found = await one(
    db,
    `SELECT count(*) FILTER (WHERE n = 1) AS once, count(*) FILTER (WHERE n > 1) AS more
       FROM (SELECT target_id, count(*) AS n FROM "${schema}".audit_entry WHERE tenant_id = $1 AND action = $2
              GROUP BY target_id) t`,
    [tenantId, action],
  );
  return [Number(found.once), Number(found.more)];
}

/**
 * The writes after the award and the panel's scores under the chaos, against what the clients were answered, from
 * PostgreSQL: each duty submitted once (one audit entry each); the use report once, accepted, its lines the fen
 * reported, each step once; the performance evaluation once and the evaluation duty fulfilled once; one revocation
 * case of the title, its steps and its ban once, one clawback case for it of what was paid under the title, each
 * recovery once on the ledger and on the case; one sheet per (expert, application) of the stage, each submitted once,
 * each revision of it recorded once (a revision row and an audit entry), its total the last one sent.
 */
export async function reconcilePostAward(input: PostAwardInput): Promise<ChaosCheck[]> {
  return [
    ...(await dutyChecks(input)),
    ...(await useChecks(input)),
    ...(await revocationChecks(input)),
    ...(await scoreChecks(input)),
  ];
}

async function dutyChecks({ database: db, tenantId, holder }: PostAwardInput): Promise<ChaosCheck[]> {
  const ids = [...holder.submitted.keys()];
  const found = await one(
    db,
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'submitted' AND submission LIKE $3) AS submitted
       FROM awards.duty WHERE tenant_id = $1 AND kind = 'annual_report' AND id = ANY($2::uuid[])`,
    [tenantId, ids, `${CHAOS_SUBMISSION}%`],
  );
  const [once, more] = await audited(db, 'awards', tenantId, 'duty.submitted');
  return [
    {
      check: 'each duty submitted once by its holder, one duty.submitted audit entry each',
      ok:
        ids.length > 0 &&
        ids.length === holder.owed &&
        Number(found.submitted) === ids.length &&
        once === ids.length &&
        more === 0,
      found: `${found.submitted} of ${ids.length} answered submitted (${holder.owed} owed), audit entries: ${once} once, ${more} more than once`,
    },
  ];
}

async function useChecks({ database: db, tenantId, holder }: PostAwardInput): Promise<ChaosCheck[]> {
  const use = holder.useReport;
  if (!use) return [{ check: 'the use of the money reported and accepted', ok: false, found: 'not answered' }];
  const report = await one(
    db,
    `SELECT count(DISTINCT r.id) AS n, min(r.status) AS status,
            (SELECT coalesce(sum(l.amount_fen), 0) FROM funds.use_report_line l
               JOIN funds.use_report u ON u.id = l.report_id WHERE u.tenant_id = $1 AND u.entitlement_id = $2) AS fen,
            (SELECT string_agg(h.action, ',' ORDER BY h.at) FROM funds.use_report_history h
               JOIN funds.use_report u ON u.id = h.report_id WHERE u.tenant_id = $1 AND u.entitlement_id = $2) AS steps
       FROM funds.use_report r WHERE r.tenant_id = $1 AND r.entitlement_id = $2`,
    [tenantId, use.entitlementId],
  );
  const evaluations = await one(
    db,
    'SELECT count(*) AS n FROM funds.performance_evaluation WHERE tenant_id = $1 AND entitlement_id = $2',
    [tenantId, use.entitlementId],
  );
  const duty = await one(
    db,
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'submitted') AS submitted, min(id::text) AS id
       FROM awards.duty WHERE tenant_id = $1 AND title_id = $2 AND kind = 'requested_evaluation'`,
    [tenantId, use.titleId],
  );
  const fulfilled = await one(
    db,
    `SELECT count(*) AS n FROM awards.audit_entry WHERE tenant_id = $1 AND action = 'duty.fulfilled' AND target_id = $2`,
    [tenantId, duty.id],
  );
  return [
    {
      check: 'the use report written, submitted and accepted once, its lines the fen reported',
      ok:
        Number(report.n) === 1 &&
        report.status === 'accepted' &&
        Number(report.fen) === use.totalFen &&
        report.steps === 'draft,submit,accept',
      found: `${report.n} report(s), ${report.status}, ${report.fen} of ${use.totalFen} fen, steps ${report.steps}`,
    },
    {
      check: 'the performance evaluation recorded once, the evaluation duty fulfilled once',
      ok:
        holder.evaluations === 1 &&
        Number(evaluations.n) === 1 &&
        Number(duty.n) === 1 &&
        Number(duty.submitted) === 1 &&
        Number(fulfilled.n) === 1,
      found: `${evaluations.n} evaluation(s) of ${holder.evaluations} answered, duty ${duty.submitted}/${duty.n} submitted, ${fulfilled.n} duty.fulfilled`,
    },
  ];
}

async function revocationChecks({ database: db, tenantId, revocation }: PostAwardInput): Promise<ChaosCheck[]> {
  const revoked = revocation.revocation;
  const clawback = revocation.clawback;
  if (!revoked || !clawback)
    return [{ check: 'a revocation with its clawback case, demanded', ok: false, found: 'not answered' }];
  const cases = await one(
    db,
    `SELECT count(*) AS n, min(c.status::text) AS status,
            (SELECT count(*) FROM awards.revocation_step s WHERE s.case_id = $3) AS steps,
            (SELECT count(*) FROM awards.application_ban b WHERE b.case_id = $3) AS bans
       FROM awards.revocation_case c WHERE c.tenant_id = $1 AND c.title_id = $2`,
    [tenantId, revoked.titleId, revoked.id],
  );
  const title = await one(db, 'SELECT status::text AS status FROM awards.title WHERE id = $1', [revoked.titleId]);
  const claw = await one(
    db,
    `SELECT count(*) AS n, min(amount_fen) AS fen, min(recovered_fen) AS recovered
       FROM funds.clawback_case WHERE tenant_id = $1 AND revocation_id = $2`,
    [tenantId, revoked.id],
  );
  const opened = await one(
    db,
    `SELECT count(*) AS n FROM funds.outbox_message WHERE tenant_id = $1 AND subject = 'funds.clawback.opened.v1'`,
    [tenantId],
  );
  const ledger = await one(
    db,
    `SELECT count(*) FILTER (WHERE code = 'clawback_demanded') AS demands,
            coalesce(sum(amount) FILTER (WHERE code = 'clawback_demanded'), 0) AS demanded,
            count(*) FILTER (WHERE code = 'recovery') AS recoveries,
            coalesce(sum(amount) FILTER (WHERE code = 'recovery'), 0) AS recovered
       FROM funds.ledger_transfer WHERE tenant_id = $1`,
    [tenantId],
  );
  return [
    {
      check: 'one revocation case of the title, approved once: each step and the ban once, the title revoked',
      ok:
        Number(cases.n) === 1 &&
        cases.status === revoked.status &&
        Number(cases.steps) === revoked.steps.length &&
        Number(cases.bans) === 1 &&
        title.status === 'revoked',
      found: `${cases.n} case(s), ${cases.status}, ${cases.steps} of ${revoked.steps.length} steps (${revoked.steps.join(', ')}), ${cases.bans} ban(s), title ${title.status}`,
    },
    {
      check: 'one clawback case for the revocation, of what was paid under the title, one clawback.opened event',
      ok:
        Number(claw.n) === 1 &&
        Number(claw.fen) === revoked.paidFen &&
        clawback.amountFen === revoked.paidFen &&
        Number(opened.n) === 1 &&
        Number(ledger.demands) === 1 &&
        Number(ledger.demanded) === revoked.paidFen,
      found: `${claw.n} case(s) of ${claw.fen} fen (${revoked.paidFen} paid), ${opened.n} event(s), ${ledger.demands} demand transfer(s) of ${ledger.demanded} fen`,
    },
    {
      check: 'each clawback recovery recorded once, on the case and on the ledger',
      ok:
        revocation.recoveries > 0 &&
        Number(claw.recovered) === revocation.recoveredFen &&
        Number(ledger.recoveries) === revocation.recoveries &&
        Number(ledger.recovered) === revocation.recoveredFen,
      found: `${ledger.recoveries} of ${revocation.recoveries} recoveries on the ledger (${ledger.recovered} fen), ${claw.recovered} of ${revocation.recoveredFen} fen on the case`,
    },
  ];
}

async function scoreChecks({ database: db, scoredTenantId, scoring }: PostAwardInput): Promise<ChaosCheck[]> {
  const { context, stage, sheets } = scoring.scored;
  const found = await rows(
    db,
    `SELECT expert_id::text AS expert, application_id::text AS application, status, total,
            (SELECT count(*) FROM reviews.audit_entry a
              WHERE a.tenant_id = s.tenant_id AND a.action = 'score-sheet.submit' AND a.target_id = s.id::text) AS submits,
            (SELECT count(*) FROM reviews.audit_entry a
              WHERE a.tenant_id = s.tenant_id AND a.action = 'score-sheet.revise' AND a.target_id = s.id::text) AS revises,
            (SELECT count(*) FROM reviews.score_revision r WHERE r.sheet_id = s.id) AS revisions
       FROM reviews.score_sheet s WHERE tenant_id = $1 AND cycle_number = $2 AND stage_key = $3`,
    [scoredTenantId, context.cycleNumber, stage.stageKey],
  );
  const pairs = new Set(found.map((r) => `${r.expert} ${r.application}`));
  const submitted = found.filter((r) => r.status === 'submitted' || r.status === 'revised');
  const revisedOff = found.filter((r) => {
    const revisions = scoring.revisions.get(`${r.expert} ${r.application}`) ?? 0;
    return Number(r.revisions) !== revisions || Number(r.revises) !== revisions;
  });
  const totalsOff = found.filter((r) => scoring.totals.get(`${r.expert} ${r.application}`) !== Number(r.total));
  const stored = found.reduce((sum, r) => sum + Number(r.revisions), 0);
  return [
    {
      check: 'one score sheet per (expert, application) of the stage, each submitted once',
      ok:
        sheets.length > 0 &&
        scoring.totals.size === sheets.length &&
        found.length === sheets.length &&
        pairs.size === found.length &&
        submitted.length === found.length &&
        found.every((r) => Number(r.submits) === 1),
      found: `${found.length} sheets for ${pairs.size} (expert, application) pairs, ${submitted.length} submitted, ${scoring.totals.size} of ${sheets.length} answered submitted`,
    },
    {
      check: 'each revision of a submitted sheet recorded once, each sheet’s total the last one sent',
      ok: revisedOff.length === 0 && totalsOff.length === 0 && stored === scoring.revised,
      found: `${stored} of ${scoring.revised} revisions, ${revisedOff.length} sheet(s) off in revisions, ${totalsOff.length} in total`,
    },
  ];
}
