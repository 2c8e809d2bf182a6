import type { ChaosTraffic } from './chaos-traffic';
import { CHAOS_APPLICANT } from './chaos-traffic';
import type { KeyedWriter } from './chaos-writer';
import { query } from './event-pipeline';
import type { GatewayClient } from './gateway-client';
import { pipelineChecks, type RunCheck } from './pipeline-checks';

/** One reconciliation of the chaos run. */
export type ChaosCheck = RunCheck;

export interface ReconcileInput {
  database: string;
  prefix: string;
  natsUrl: string;
  client: GatewayClient;
  office: string;
  noticeId: string;
  traffic: ChaosTraffic;
  writer: KeyedWriter;
  /** The jurisdictions whose audit chains are verified, each with a token of its office. */
  audited: { key: string; token: string }[];
}

const AUDITED = ['awards', 'objections', 'applications', 'reviews', 'funds', 'gateway'] as const;
const count = async (database: string, sql: string, values: unknown[] = []) =>
  Number((await query<{ n: string }>(database, sql, values))[0]?.n);

/**
 * The several-instances checks after the chaos, read from PostgreSQL, JetStream and the audit routes: every write
 * applied once, one stream message per outbox row, one inbox row per consumed event, nothing dead-lettered, the
 * notice closed once, no status transition twice, the audit chains whole, every failed request mended on retry.
 */
export async function reconcile(input: ReconcileInput): Promise<ChaosCheck[]> {
  const { database: db, traffic, writer } = input;
  const checks: ChaosCheck[] = [];
  const check = (name: string, ok: boolean, found: string) => checks.push({ check: name, ok, found });

  const mended = writer.failures.filter((f) => f.mended).length;
  check(
    'every failed request mended by a retry with the same Idempotency-Key',
    mended === writer.failures.length && writer.unexpected.length === 0,
    `${mended} of ${writer.failures.length} mended${writer.unexpected.length ? `; ${writer.unexpected.join('; ')}` : ''}`,
  );
  const applicants = await count(db, 'SELECT count(*) AS n FROM applications.applicant WHERE name LIKE $1', [
    `${CHAOS_APPLICANT} %`,
  ]);
  check('each applicant registered once', applicants === traffic.applicants, `${applicants} of ${traffic.applicants}`);
  const applications = await count(
    db,
    `SELECT count(*) AS n FROM applications.application a JOIN applications.applicant p ON p.id = a.applicant_id
      WHERE p.name LIKE $1`,
    [`${CHAOS_APPLICANT} %`],
  );
  check(
    'each application started once',
    applications === traffic.applications,
    `${applications} of ${traffic.applications}`,
  );
  const objections = await count(db, 'SELECT count(*) AS n FROM objections.objection WHERE notice_id = $1', [
    input.noticeId,
  ]);
  check('each objection filed once', objections === traffic.objections, `${objections} of ${traffic.objections}`);
  const notice = await input.client.call('GET', `/tenants/ili/notices/${input.noticeId}`, { token: input.office });
  const closes = await count(
    db,
    `SELECT count(*) AS n FROM objections.audit_entry WHERE action = 'notice.close' AND target_id = $1`,
    [input.noticeId],
  );
  check('the notice closed once, on the clock', notice.body.status === 'closed' && closes === 1, `${closes} close(s)`);
  // A killed instance's unacknowledged events are delivered again after their ack wait (60 s).
  checks.push(...(await pipelineChecks(db, input.prefix, { natsUrl: input.natsUrl, settleMs: 180_000 })));
  for (const tenant of input.audited)
    for (const service of AUDITED) {
      const verified = await input.client.call('GET', `/tenants/${tenant.key}/audit/verify?service=${service}`, {
        token: tenant.token,
      });
      check(
        `${tenant.key} ${service}: the audit chain verifies`,
        verified.status === 200 && verified.body.ok === true,
        JSON.stringify(verified.body).slice(0, 200),
      );
    }
  return checks;
}
