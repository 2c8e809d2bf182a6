import { writeFileSync } from 'node:fs';
import { launchDivisionCodes, loadLaunchPolicy } from '@laurel/policy';
import { anOrganisation } from '@laurel/testing';
import { type Answer, CycleContext, type Json, RehearsalClock, RehearsalPlatform, until } from '../src';
import { FACTS, intake } from '../src/intake.phase';
import { OBJECTOR, PDF } from '../src/objector.fixture';
import { setUp } from '../src/setup.phase';
import { REHEARSAL_START } from './full-cycle.util';
import {
  consumerBacklogs,
  inboxAgainstOutbox,
  keyedPost,
  pipelineCounts,
  query,
  RoundRobinClient,
  SCHEMAS,
} from './several-instances.util';

const SERVICES = ['awards', 'objections', 'applications', 'reviews', 'funds', 'gateway'] as const;

/**
 * Two instances of every app side by side on one NATS, PostgreSQL and Redis (ADR "several instances"): a slice of an
 * ili cycle through both gateways — the jurisdiction from its policy, applications, the recommender's and the
 * acceptance notices of the objections service closed by their deadline jobs on the rehearsal clock, the notices'
 * outcomes consumed by the applications service and the accepted applications by the reviews service — then
 * concurrent writes while one instance is SIGKILLed. Every count is read back from the databases and JetStream.
 */
describe('two instances of every app', () => {
  let platform: RehearsalPlatform;
  let client: RoundRobinClient;
  let context: CycleContext;

  beforeAll(async () => {
    // Every public request of the test comes from 127.0.0.1: its per-address limit lifted.
    platform = await RehearsalPlatform.start({
      clockStart: REHEARSAL_START,
      instances: 2,
      env: { LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    client = new RoundRobinClient(platform.urls);
  }, 600_000);
  afterAll(async () => {
    // Every app's output, for a failure's post-mortem, where LAUREL_REHEARSAL_LOGS names a file.
    if (platform && process.env.LAUREL_REHEARSAL_LOGS)
      writeFileSync(process.env.LAUREL_REHEARSAL_LOGS, platform.logs());
    await platform?.close();
  });

  /** Until every outbox row is published and every consumer has acknowledged everything. */
  const settled = () =>
    until(
      'the event pipeline to settle',
      async () => {
        const counts = await pipelineCounts(platform.database, platform.prefix);
        const backlogs = await consumerBacklogs(platform.prefix);
        const idle = counts.every((c) => c.unpublished === 0) && backlogs.every((b) => !b.pending && !b.unacked);
        return idle ? counts : undefined;
      },
      // A killed instance's unacknowledged events are delivered again after their ack wait (60 s).
      150_000,
    );

  /** Each command applied once, each event published once and handled once, the audit chains whole. */
  async function expectEverythingOnce(): Promise<void> {
    const counts = await settled();
    // The outbox published once: JetStream holds exactly one message per outbox row (the row id is its message id).
    for (const c of counts)
      expect({ schema: c.schema, messages: c.streamMessages }).toEqual({
        schema: c.schema,
        messages: c.outboxRows,
      });
    // Each event handled once across instances: one inbox row per event of the subject, none missed.
    const lines = await inboxAgainstOutbox(platform.database);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect({ ...line, handled: line.published }).toEqual(line);
    // Nothing dead-lettered on the way.
    for (const schema of SCHEMAS) {
      expect(await query(platform.database, `SELECT consumer, error FROM "${schema}".dead_letter`)).toEqual([]);
    }
    // The audit chain: one chain per tenant and service, whole, seq 1..n without gaps or doubles.
    for (const service of SERVICES) {
      const verification = await client.expect(200, 'GET', `/tenants/ili/audit/verify?service=${service}`, {
        token: context.token('office'),
      });
      expect({ service, ...verification }).toMatchObject({ service, ok: true, brokenAt: null });
    }
  }

  it('starts two instances of each app, each with its instance id; each gateway on a port of its own', () => {
    for (const name of SERVICES) {
      const instances = platform.instances(name);
      expect(instances.map((i) => i.name)).toEqual([name, `${name}#2`]);
      expect(instances[1]?.logs).toContain(`"instance":"${name}-2"`);
    }
    expect(new Set(platform.urls).size).toBe(2);
  });

  it('runs intake to acceptance through both gateways: each command, job and event once; the chains whole', async () => {
    const operator = RehearsalPlatform.OPERATOR;
    const operatorToken = await client.login(operator.username, operator.password);
    const clock = new RehearsalClock(client, () => operatorToken);
    await clock.read();
    context = new CycleContext(client, clock, loadLaunchPolicy('ili'), () => undefined);
    context.operatorToken = operatorToken;
    await setUp(context, launchDivisionCodes.ili, operatorToken);
    await intake(context, 6);
    expect(context.steps.filter((s) => s.step === 'accepted')).toHaveLength(6);
    await expectEverythingOnce();

    const db = platform.database;
    // Each deadline job ran once: one close per notice of the objections service (the recommender's six notices and
    // the acceptance list), each entry's outcome published once.
    const closes = await query<{ target_id: string; n: string }>(
      db,
      `SELECT target_id, count(*) AS n FROM objections.audit_entry WHERE action = 'notice.close' GROUP BY target_id`,
    );
    expect(closes.length).toBeGreaterThanOrEqual(2);
    expect(closes.every((c) => Number(c.n) === 1)).toBe(true);
    const passed = await query<{ n: string; entries: string }>(
      db,
      `SELECT count(*) AS n, count(DISTINCT payload->>'entryId') AS entries FROM objections.outbox_message
        WHERE subject = 'objections.notice-entry.passed.v1'`,
    );
    expect(Number(passed[0]?.n)).toBe(Number(passed[0]?.entries));
    // Each event's effect once: every application accepted once, and copied once by the reviews service.
    const transitions = await query<{ application_id: string; to_status: string; n: string }>(
      db,
      `SELECT application_id, to_status, count(*) AS n FROM applications.application_event
        GROUP BY application_id, to_status HAVING count(*) > 1`,
    );
    expect(transitions).toEqual([]);
    const accepted = await query<{ n: string }>(
      db,
      `SELECT count(*) AS n FROM applications.application_event WHERE to_status = 'accepted'`,
    );
    expect(Number(accepted[0]?.n)).toBe(6);
    const copies = await query<{ n: string }>(db, 'SELECT count(*) AS n FROM reviews.review_application');
    expect(Number(copies[0]?.n)).toBe(6);
  }, 900_000);

  it('keeps answering while an instance of applications and of objections is SIGKILLed; failed writes mend on retry', async () => {
    const office = context.token('office');
    // A notice of the office's on which the public objects meanwhile; closed on the clock afterwards.
    const notice = await client.expect(201, 'POST', '/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'recommendation',
        title: '多实例演练公示',
        publishedOn: context.clock.today,
        entries: ['甲', '乙', '丙'].map((name, i) => ({
          subjectKind: 'organisation',
          subjectId: `several-${i}`,
          subjectName: `${name}公司`,
          proposal: '拟推荐',
        })),
      },
    });
    const entries = notice.entries as { id: string }[];
    const total = 60;
    const objections = 24;
    const failures: { write: string; status: number }[] = [];
    let sent = 0;
    const killed: string[] = [];
    /** A write with its own key to one gateway; on a 5xx or a refused connection, retried with the same key. */
    const write = async (name: string, gateway: number, route: string, body: Json, token?: string) => {
      const url = platform.urls[gateway % platform.urls.length] as string;
      const key = `several-${name}`;
      let answer = await keyedPost(url, route, token, key, body);
      sent += 1;
      if (answer.status >= 500 || answer.status === 0) {
        failures.push({ write: name, status: answer.status });
        answer = await until(
          `${key} on retry`,
          async () => {
            const again = await keyedPost(url, route, token, key, body);
            return again.status >= 500 || again.status === 0 ? undefined : again;
          },
          120_000,
        );
      }
      return answer;
    };
    const register = async (item: number) => {
      const n = 7000 + item;
      const body = anOrganisation('ili', n, { name: `ili 多实例单位 ${n}` });
      const applicant = await write(`applicant-${item}`, item, '/tenants/ili/applicants', body, office);
      created(`applicant-${item}`, applicant);
      const started = { applicantId: applicant.body.id, cycleNumber: context.cycleNumber, facts: FACTS };
      const application = await write(`application-${item}`, item + 1, '/tenants/ili/applications', started, office);
      created(`application-${item}`, application);
    };
    const object = async (item: number) => {
      const body = {
        entryId: entries[item % entries.length]?.id,
        objector: { ...OBJECTOR, name: `异议人${item}` },
        grounds: '该单位近三年发生重大质量事故。',
        evidence: [PDF],
      };
      const filed = await write(`objection-${item}`, item, `/public/ili/notices/${notice.id}/objections`, body);
      created(`objection-${item}`, filed);
    };
    const work: (() => Promise<void>)[] = [];
    for (let i = 0; i < total; i += 1) {
      work.push(() => register(i));
      if (i < objections) work.push(() => object(i));
    }
    const writes = total * 2 + objections;
    // One instance of each is killed once a quarter of the writes were sent, while eight clients keep writing.
    const killer = until('a quarter of the writes', async () => (sent >= writes / 4 ? true : undefined), 300_000).then(
      async () => {
        killed.push(`applications#2 after ${sent}`);
        await platform.kill('applications', 2);
        killed.push(`objections#2 after ${sent}`);
        await platform.kill('objections', 2);
      },
    );
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = work.shift(); next !== undefined; next = work.shift()) await next();
      }),
    );
    await killer;
    const share = ((failures.length / sent) * 100).toFixed(1);
    // A retry of a write whose instance died after committing it is replayed from its command receipt.
    const replayed = ['applications', 'objections']
      .flatMap((name) => platform.instances(name as 'applications'))
      .reduce((sum, app) => sum + (app.logs.match(/answer was lost: replayed/g)?.length ?? 0), 0);
    console.log(
      `several instances: ${sent} writes through two gateways, ${killed.join(' and ')} (SIGKILL); ${failures.length} ` +
        `failed (${share} %: ${failures.map((f) => `${f.write} → ${f.status}`).join(', ') || 'none'}); each ` +
        `succeeded on retry with the same Idempotency-Key, ${replayed} of them replayed from its command receipt`,
    );
    expect(sent).toBe(writes);
    // Each write done once, the retried ones included.
    const db = platform.database;
    const [applicants] = await query<{ n: string }>(
      db,
      `SELECT count(*) AS n FROM applications.applicant WHERE name LIKE 'ili 多实例单位 %'`,
    );
    expect(Number(applicants?.n)).toBe(total);
    const [applications] = await query<{ n: string }>(
      db,
      `SELECT count(*) AS n FROM applications.application a JOIN applications.applicant p ON p.id = a.applicant_id
        WHERE p.name LIKE 'ili 多实例单位 %'`,
    );
    expect(Number(applications?.n)).toBe(total);
    const [filed] = await query<{ n: string }>(
      db,
      'SELECT count(*) AS n FROM objections.objection WHERE notice_id = $1',
      [notice.id],
    );
    expect(Number(filed?.n)).toBe(objections);

    // Both back; the notice closes on the clock once, its entries' outcomes consumed once by the applications service.
    await platform.restart('applications', 2);
    await platform.restart('objections', 2);
    const deadline = notice.deadline as { closesAt: string };
    await context.clock.moveTo(new Date(Date.parse(deadline.closesAt) + 1000));
    const closed = await client.expect(200, 'GET', `/tenants/ili/notices/${notice.id}`, { token: office });
    expect(closed.status).toBe('closed');
    const [closes] = await query<{ n: string }>(
      db,
      `SELECT count(*) AS n FROM objections.audit_entry WHERE action = 'notice.close' AND target_id = $1`,
      [notice.id],
    );
    expect(Number(closes?.n)).toBe(1);
    await expectEverythingOnce();
  }, 900_000);
});

/** A write that must have created its resource; else fails with what the platform answered. */
function created(write: string, answer: Answer): void {
  if (answer.status !== 201) throw new Error(`${write} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
