import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AwardDecisionPayload, type EventEnvelope, SERVICES } from '@laurel/contracts';
import { bootstrapService, type ServiceDefinition } from '@laurel/platform';
import { type LaunchPolicyKey, loadLaunchPolicy } from '@laurel/policy';
import { ChildService, eventually, type TestClock, TestInfrastructure } from '@laurel/testing';
import { type RunningGateway, seedOperator, startGateway } from '../src/gateway-app';

// Loaded by path, not imported: the gateway's typecheck must not depend on the apps' generated clients.
const { awardsServiceDefinition } = require(path.resolve(__dirname, '../../awards/src/awards.service-definition')) as {
  awardsServiceDefinition: ServiceDefinition;
};
const { objectionsService } = require(
  path.resolve(__dirname, '../../objections/src/objections.service-definition'),
) as { objectionsService: (options: { env?: Record<string, string> }) => ServiceDefinition };
const { applicationsService } = require(
  path.resolve(__dirname, '../../applications/src/applications.service-definition'),
) as { applicationsService: (options: { env?: Record<string, string> }) => ServiceDefinition };
const { reviewsService } = require(path.resolve(__dirname, '../../reviews/src/reviews.service-definition')) as {
  reviewsService: (options: { env?: Record<string, string> }) => ServiceDefinition;
};
const { fundsService } = require(path.resolve(__dirname, '../../funds/src/funds.service-definition')) as {
  fundsService: (options: { env?: Record<string, string> }) => ServiceDefinition;
};
/** The funds service's entry, for running it in a process of its own. */
const FUNDS_MAIN = path.resolve(__dirname, '../../funds/src/main.ts');

export type Json = Record<string, unknown>;
export type Role =
  | 'office'
  | 'applicant'
  | 'recommender'
  | 'leading_group'
  | 'supervisor'
  | 'expert'
  | 'finance'
  | 'department';

const OPERATOR = { username: 'operator', password: 'operator-password-1' };
const PASSWORD = 'a-long-password';
const DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The launch jurisdictions' administrative divisions, as `npm start` seeds them. */
export const DIVISIONS: Record<LaunchPolicyKey, string> = {
  ili: '654000',
  linxia: '622921',
  'inner-mongolia': '150000',
  'xinzhou-district': '361102',
  'xinzhou-city': '140900',
};

/** A public objector with the identity ili and linxia require (第十八条, 第二十二条). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = (filename: string) => ({ filename, contentType: 'image/png', contentBase64: PNG });
export const OBJECTOR = {
  kind: 'person',
  name: '张三',
  phone: '13812345678',
  address: '伊宁市解放路 1 号',
  idNumber: '11010519491231002X',
  identityProof: png('id.png'),
  signature: png('signature.png'),
};
export const EVIDENCE_PDF = {
  filename: 'evidence.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
};

export type ApplicationsPlatform = Awaited<ReturnType<typeof startApplicationsPlatform>>;

/**
 * The gateway with the real awards, objections and applications services on this test file's own database, Redis
 * prefix and NATS subjects; the services run on `clock` (the gateway keeps real time for its tokens). Creates the
 * given tenants from their launch policies and waits until the objections service holds their notice rules.
 */
export async function startApplicationsPlatform(options: {
  clock: TestClock;
  tenants: readonly LaunchPolicyKey[];
  /** More settings of the gateway (e.g. its rate limits). */
  gatewayEnv?: Record<string, string>;
  /** Starts the reviews service too (experts and conflicts of interest). */
  reviews?: boolean;
  /** Starts the funds service too (the ledger, entitlements, disbursements). */
  funds?: boolean;
  /** Starts the funds service in a process of its own (to kill and restart it): `fundsProcess` then holds it. */
  fundsInProcess?: false;
}) {
  const { clock } = options;
  const infra = await TestInfrastructure.create();
  const filesDir = await mkdtemp(path.join(tmpdir(), 'laurel-applications-e2e-'));
  const env = infra.env({
    LAUREL_OBJECTIONS_FILES_DIR: filesDir,
    LAUREL_APPLICATIONS_FILES_DIR: path.join(filesDir, 'applications'),
    LAUREL_APPLICATIONS_DATA_KEY: DATA_KEY,
    LAUREL_REVIEWS_DATA_KEY: DATA_KEY,
  });
  const awards = await bootstrapService(awardsServiceDefinition, { env, clock });
  const objections = await bootstrapService(objectionsService({ env }), { env, clock });
  const applications = await bootstrapService(applicationsService({ env }), { env, clock });
  const reviews = options.reviews ? await bootstrapService(reviewsService({ env }), { env, clock }) : null;
  const ownProcess = options.funds && options.fundsInProcess === false;
  const funds = options.funds && !ownProcess ? await bootstrapService(fundsService({ env }), { env, clock }) : null;
  let fundsChild: ChildService | null = ownProcess ? await ChildService.start(FUNDS_MAIN, env) : null;
  const services = [awards, objections, applications, ...(reviews ? [reviews] : []), ...(funds ? [funds] : [])];
  const running = [
    'awards',
    'objections',
    'applications',
    ...(reviews ? ['reviews'] : []),
    ...(options.funds ? ['funds'] : []),
  ];
  const gateway: RunningGateway = await startGateway({
    env: infra.env({
      LAUREL_JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
      LAUREL_HTTP_PORT: '0',
      ...options.gatewayEnv,
    }),
    services: SERVICES.filter((s) => running.includes(s)),
  });
  await seedOperator(gateway, OPERATOR.username, OPERATOR.password);

  const call = async (
    method: string,
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${gateway.url}${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const login = async (username: string) =>
    (
      await call('POST', '/api/v1/auth/login', {
        body: { username, password: username === OPERATOR.username ? OPERATOR.password : PASSWORD },
      })
    ).body.accessToken as string;
  const operator = await login(OPERATOR.username);

  for (const key of options.tenants) {
    const created = await call('POST', '/api/v1/tenants', {
      token: operator,
      body: { divisionCode: DIVISIONS[key], policy: loadLaunchPolicy(key) },
    });
    if (created.status !== 201) throw new Error(`tenant ${key}: ${created.status} ${JSON.stringify(created.body)}`);
  }

  /** A user of a tenant with its roles: its id and a fresh access token. */
  const addUser = async (tenant: string, username: string, roles: readonly Role[]) => {
    const user = await call('POST', `/api/v1/tenants/${tenant}/users`, {
      token: operator,
      body: { username, password: PASSWORD, displayName: username, roles },
    });
    if (user.status !== 201) throw new Error(`user ${username}: ${user.status} ${JSON.stringify(user.body)}`);
    return { id: user.body.id as string, token: await login(username) };
  };

  /** Moves the services' clock and lets every service re-schedule its deadlines from the database. */
  const settle = async (to: string) => {
    await clock.set(to);
    for (const service of services) await service.runtime.jobs.reschedule();
  };

  /** The objections service copies each tenant's notice rules from the awards policy events before notices open. */
  const objectionRulesReady = async (tenant: string, officeToken: string) =>
    eventually(
      async () =>
        expect((await call('GET', `/api/v1/tenants/${tenant}/objection-rules`, { token: officeToken })).status).toBe(
          200,
        ),
      { timeoutMs: 15000 },
    );

  /** Waits until the application has the status (events from the objections service arrive asynchronously). */
  const statusBecomes = async (tenant: string, id: string, token: string, status: string) =>
    eventually(
      async () => {
        const one = await call('GET', `/api/v1/tenants/${tenant}/applications/${id}`, { token });
        expect(one.body.status).toBe(status);
        return one.body;
      },
      { timeoutMs: 15000 },
    );

  /** The office settles every condition the policy leaves to people (recorded decisions: who, when, why). */
  const decideAll = async (tenant: string, id: string, officeToken: string) => {
    const current = await call('GET', `/api/v1/tenants/${tenant}/applications/${id}`, { token: officeToken });
    for (const finding of (current.body.eligibility as { findings: Json[] }).findings) {
      if (finding.outcome !== 'needs_decision') continue;
      const decided = await call('POST', `/api/v1/tenants/${tenant}/applications/${id}/decisions`, {
        token: officeToken,
        body: { ruleId: finding.ruleId, outcome: 'pass', reason: '经核实符合' },
      });
      if (decided.status !== 200)
        throw new Error(`decision ${String(finding.ruleId)}: ${JSON.stringify(decided.body)}`);
    }
  };

  /**
   * Publishes an award decision (`awards.award.decided.v1`) on JetStream as the awards service's outbox relay will
   * (the awards service does not publish it yet): the envelope on the run's subject prefix, its id as message id.
   * `envelopeId` again with another `msgId` is a redelivery JetStream does not drop.
   */
  const publishAwardDecision = async (
    tenantId: string,
    payload: AwardDecisionPayload,
    ids: { envelopeId?: string; msgId?: string } = {},
  ) => {
    const { js, namespace } = awards.runtime;
    const envelope: EventEnvelope = {
      id: (ids.envelopeId ?? randomUUID()) as EventEnvelope['id'],
      subject: 'awards.award.decided.v1',
      tenantId,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: { userId: 'office-1', username: 'office-1', roles: ['office'], operator: false },
      payload,
    };
    await js.publish(namespace.eventWire(envelope.subject), JSON.stringify(envelope), {
      msgID: ids.msgId ?? envelope.id,
    });
    return envelope;
  };

  return {
    infra,
    clock,
    gateway,
    awards,
    objections,
    applications,
    reviews,
    funds,
    /** The funds service's process, when started in its own (`fundsInProcess: false`); `restartFunds` starts it again. */
    get fundsProcess() {
      return fundsChild;
    },
    restartFunds: async () => {
      fundsChild = await ChildService.start(FUNDS_MAIN, env);
      return fundsChild;
    },
    call,
    login,
    addUser,
    settle,
    objectionRulesReady,
    statusBecomes,
    decideAll,
    publishAwardDecision,
    close: async () => {
      await gateway.close();
      await fundsChild?.stop('SIGTERM');
      for (const service of [...services].reverse()) await service.close();
      await infra.dispose();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** The statuses an application went through, from its history. */
export const statusesOf = (application: Json) => (application.history as Json[]).map((h) => h.to);

export { creditCodeFor, idNumberFor } from '@laurel/testing';
