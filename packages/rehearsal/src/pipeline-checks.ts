import { consumerBacklogs, inboxAgainstOutbox, pipelineCounts, query, SCHEMAS } from './event-pipeline';
import { until } from './gateway-client';

/** One reconciliation of a run (chaos, country): what was checked, whether it held, and what was found. */
export interface RunCheck {
  check: string;
  ok: boolean;
  found: string;
}

/**
 * What every run reconciles of the platform's plumbing, once its event pipeline has settled (or `settleMs` passed): no
 * application status transition twice, one stream message per outbox row, one inbox row per consumed event, nothing
 * dead-lettered.
 */
export async function pipelineChecks(
  database: string,
  prefix: string,
  options: { natsUrl?: string; settleMs: number },
): Promise<RunCheck[]> {
  const checks: RunCheck[] = [];
  const check = (name: string, ok: boolean, found: string) => checks.push({ check: name, ok, found });
  const count = async (sql: string) => Number((await query<{ n: string }>(database, sql))[0]?.n);

  const twice = await count(
    `SELECT count(*) AS n FROM (SELECT 1 FROM applications.application_event
      GROUP BY application_id, to_status HAVING count(*) > 1) AS doubled`,
  );
  check('no application status transition twice', twice === 0, `${twice} doubled`);
  const counts = await until(
    'the event pipeline to settle',
    async () => {
      const found = await pipelineCounts(database, prefix, options.natsUrl);
      const backlogs = await consumerBacklogs(prefix, options.natsUrl);
      const idle = found.every((c) => c.unpublished === 0) && backlogs.every((b) => !b.pending && !b.unacked);
      return idle ? found : undefined;
    },
    options.settleMs,
  ).catch(() => pipelineCounts(database, prefix, options.natsUrl));
  for (const c of counts)
    check(
      `${c.schema}: outbox published once (one stream message per row)`,
      c.streamMessages === c.outboxRows && c.unpublished === 0,
      `${c.outboxRows} rows, ${c.streamMessages} messages, ${c.unpublished} unpublished`,
    );
  const lines = await inboxAgainstOutbox(database);
  const off = lines.filter((line) => line.handled !== line.published);
  check(
    'each consumed event handled once (one inbox row per event)',
    lines.length > 0 && off.length === 0,
    `${lines.length} consumer subjects${off.map((l) => `; ${l.consumer} ${l.subject} ${l.handled}/${l.published}`).join('')}`,
  );
  for (const schema of SCHEMAS) {
    const dead = await count(`SELECT count(*) AS n FROM "${schema}".dead_letter`);
    check(`${schema}: nothing dead-lettered`, dead === 0, `${dead} dead letters`);
  }
  return checks;
}
