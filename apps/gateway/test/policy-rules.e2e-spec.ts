import path from 'node:path';
import { bootstrapService, type RunningService, type ServiceDefinition } from '@laurel/platform';
import { loadLaunchPolicy } from '@laurel/policy';
import { eventually } from '@laurel/testing';
import { OPERATOR, startPlatform } from './gateway.util';

/** Loaded by path: the gateway's typecheck must not depend on the objections app's generated client. */
const { objectionsService } = require(
  path.resolve(__dirname, '../../objections/src/objections.service-definition'),
) as {
  objectionsService: (options: { env?: Record<string, string> }) => ServiceDefinition;
};

type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** Awards → objections over durable events: a jurisdiction onboarded with its policy needs no second step. */
describe('objection rules follow the policy (awards events consumed by objections)', () => {
  let sut: Platform;
  let objections: RunningService;
  let operator: string;

  beforeAll(async () => {
    sut = await startPlatform({}, { awards: true });
    const env = sut.infra.env({
      LAUREL_OBJECTIONS_FILES_DIR: path.join(require('node:os').tmpdir(), sut.infra.prefix),
    });
    objections = await bootstrapService(objectionsService({ env }), { env });
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
  });
  afterAll(async () => {
    await objections?.close();
    await sut?.close();
  });

  it('copies the objection, report and notice rules of each policy version', async () => {
    const policy = loadLaunchPolicy('linxia');
    const created = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: { divisionCode: '622921', policy },
    });
    expect(created.status).toBe(201);
    await sut.call('POST', '/api/v1/tenants/linxia/users', {
      token: operator,
      body: { username: 'linxia-office', password: 'a-long-password', displayName: '办公室', roles: ['office'] },
    });
    const office = await sut.login('linxia-office', 'a-long-password');

    const rules = await eventually(
      async () => {
        const response = await sut.call('GET', '/api/v1/tenants/linxia/objection-rules', { token: office });
        expect(response.status).toBe(200);
        return response.body;
      },
      { timeoutMs: 15000 },
    );
    expect(rules).toMatchObject({ policyKey: 'linxia', policyVersion: 1 });
    expect((rules.objections as { examination: unknown }).examination).toMatchObject({
      period: { count: 5, unit: 'working_days' },
    });

    // Cycle 1 opens on version 1, and keeps it.
    const cycle = await sut.call('POST', '/api/v1/tenants/linxia/cycles', {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-31' },
    });
    expect(cycle.status).toBe(201);
    expect(cycle.body.policyVersion).toBe(1);

    // A new version of the policy reaches the copy too.
    const next = await sut.call('PUT', '/api/v1/tenants/linxia/policy', {
      token: operator,
      body: { policy: { ...policy, version: 2 } },
    });
    expect(next.status).toBe(200);
    await eventually(
      async () => {
        const response = await sut.call('GET', '/api/v1/tenants/linxia/objection-rules', { token: office });
        expect(response.body.policyVersion).toBe(2);
      },
      { timeoutMs: 15000 },
    );
    // Version 1 stays recorded for the cycles that pinned it.
    const first = await sut.call('GET', '/api/v1/tenants/linxia/objection-rules?version=1', { token: office });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ policyKey: 'linxia', policyVersion: 1 });
    // The rules say who may examine and decide objections: the office cannot record its own.
    const own = await sut.call('PUT', '/api/v1/tenants/linxia/objection-rules', {
      token: office,
      body: { ...first.body, policyVersion: 99, updatedAt: undefined, updatedBy: undefined },
    });
    expect(own.status).toBe(403);
    const bad = await sut.call('GET', '/api/v1/tenants/linxia/objection-rules?version=first', { token: office });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('query.version');

    // A notice pinned to a version the policy does not have is refused, naming the field.
    const notice = {
      stage: 'proposed_winners',
      title: '拟授奖名单公示',
      publishedOn: '2027-03-01',
      entries: [{ subjectKind: 'organisation', subjectId: 'a-1', subjectName: '临夏甲公司', proposal: '拟授予质量奖' }],
    };
    const unknown = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: { ...notice, policyVersion: 3 },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('body.policyVersion');
    const pinned = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: { ...notice, policyVersion: 1 },
    });
    expect(pinned.status).toBe(201);
    expect(pinned.body.policyVersion).toBe(1);

    // Named by its cycle, a notice follows the version the cycle pinned, though a newer one exists.
    const ofCycle = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: { ...notice, cycleNumber: 1 },
    });
    expect(ofCycle.status).toBe(201);
    expect(ofCycle.body.policyVersion).toBe(1);
    expect(ofCycle.body.cycleNumber).toBe(1);
    // The cycle is its number, as everywhere: a string is not one.
    const asText = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: { ...notice, cycleNumber: '1' },
    });
    expect(asText.status).toBe(400);
    expect(JSON.stringify(asText.body)).toContain('body.cycleNumber');
    const otherVersion = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: { ...notice, cycleNumber: 1, policyVersion: 2 },
    });
    expect(otherVersion.status).toBe(422);
    expect(JSON.stringify(otherVersion.body)).toContain('body.policyVersion');
    const noCycle = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: { ...notice, cycleNumber: 7 },
    });
    expect(noCycle.status).toBe(400);
    expect(JSON.stringify(noCycle.body)).toContain('body.cycleNumber');
  });
});
