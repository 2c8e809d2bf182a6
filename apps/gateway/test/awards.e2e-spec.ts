import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type LaunchPolicyKey, launchPoliciesDirectory, launchPolicyKeys } from '@laurel/policy';
import { eventually, TestClock } from '@laurel/testing';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;
type Json = Record<string, unknown>;
interface SummaryTier {
  tier: string;
  quota: number;
  moneyFen: { organisation: number | null; individual: number | null };
  basis: string;
}
interface SummaryNotice {
  stage: string;
  count: number | null;
  unit: string | null;
  basis: string;
}

const DIVISION: Record<LaunchPolicyKey, string> = {
  ili: '654000',
  linxia: '622921',
  'inner-mongolia': '150000',
  'xinzhou-district': '361102',
  'xinzhou-city': '140900',
};
const launchDocument = (key: LaunchPolicyKey): Json =>
  JSON.parse(readFileSync(join(launchPoliciesDirectory(), `${key}.json`), 'utf8')) as Json;
const sixthDocument = (): Json =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../packages/policy/test-fixtures/sixth-jurisdiction.json'), 'utf8'),
  ) as Json;

/**
 * Jurisdictions onboarded from their policy documents through the API, their rules at a glance, cycles that pin
 * a policy version, and a regulation that expires (xinzhou-city, 2026-11-30). Today is 2026-11-21.
 */
describe('awards through the gateway: tenants with their policy, summaries, versions, cycles', () => {
  const clock = new TestClock('2026-11-21T02:00:00Z');
  let sut: Platform;
  let operator: string;

  const tiersOf = (summary: Json) => summary.tiers as SummaryTier[];
  const noticesOf = (summary: Json) => summary.notices as SummaryNotice[];
  const summary = async (key: string, token = operator, query = '') => {
    const response = await sut.call('GET', `/api/v1/tenants/${key}/policy/summary${query}`, { token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const staff = async (key: string, username: string, roles: string[]) => {
    const created = await sut.call('POST', `/api/v1/tenants/${key}/users`, {
      token: operator,
      body: { username, password: 'a-long-password', displayName: username, roles },
    });
    expect(created.status).toBe(201);
    return sut.login(username, 'a-long-password');
  };

  beforeAll(async () => {
    sut = await startPlatform({}, { awards: true, clock });
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('the operator creates each launch jurisdiction together with its policy document', async () => {
    for (const key of launchPolicyKeys) {
      const policy = launchDocument(key);
      const name = policy.name as { zh: string; en: string };
      const response = await sut.call('POST', '/api/v1/tenants', {
        token: operator,
        body: { key, nameZh: name.zh, nameEn: name.en, level: policy.level, divisionCode: DIVISION[key], policy },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ key, status: 'active', programme: { key, policyVersion: 1 } });
    }
  });

  it('each summary gives cycle length, tiers with quota and money in fen, and notices with their units', async () => {
    const ili = await summary('ili');
    expect(ili).toMatchObject({ cycleYears: 2, cycleBasis: '第四条' });
    expect(tiersOf(ili).map(({ tier, quota }) => [tier, quota])).toEqual([
      ['award', 5],
      ['nomination', 8],
    ]);
    expect(noticesOf(ili).map(({ stage, count, unit }) => [stage, count, unit])).toEqual([
      ['internal_publicity', 5, 'working_days'],
      ['recommendation', 5, 'working_days'],
      ['acceptance', 5, 'working_days'],
      ['proposed_winners', 5, 'working_days'],
    ]);

    const innerMongolia = await summary('inner-mongolia');
    expect(tiersOf(innerMongolia)).toEqual([
      expect.objectContaining({ tier: 'award', quota: 5, moneyFen: { organisation: 100_000_000, individual: null } }),
    ]);
    expect(noticesOf(innerMongolia).at(-1)).toMatchObject({
      stage: 'proposed_winners',
      count: 7,
      unit: 'working_days',
    });

    const xinzhouCity = await summary('xinzhou-city');
    expect(tiersOf(xinzhouCity).map(({ tier, quota, moneyFen }) => [tier, quota, moneyFen])).toEqual([
      ['award', 3, { organisation: 20_000_000, individual: 3_000_000 }],
      ['nomination', 10, { organisation: 0, individual: 0 }],
    ]);
    expect(xinzhouCity).toMatchObject({ cycleYears: 3, expires: '2026-11-30' });

    const xinzhouDistrict = await summary('xinzhou-district');
    expect(xinzhouDistrict).toMatchObject({ cycleYears: 1 });
    expect(noticesOf(xinzhouDistrict)).toEqual([
      expect.objectContaining({ stage: 'candidates', count: 7, unit: 'calendar_days', basis: '第十四条' }),
    ]);
    expect((await summary('linxia')).applicantKinds).toEqual([
      expect.objectContaining({ kind: 'organisation' }),
      expect.objectContaining({ kind: 'individual' }),
    ]);

    for (const key of launchPolicyKeys) {
      const each = await summary(key);
      for (const item of [...tiersOf(each), ...noticesOf(each)]) expect(item.basis).toMatch(/^第.+条/);
    }
  });

  it('a sixth jurisdiction is onboarded by posting its policy document alone', async () => {
    const response = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: { divisionCode: '990100', policy: sixthDocument() },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      key: 'moumou-city',
      nameZh: '某某市市长质量奖',
      level: 'city',
      programme: { policyVersion: 1 },
    });
    const sixth = await summary('moumou-city');
    expect(noticesOf(sixth).map(({ stage, count, unit }) => [stage, count, unit])).toEqual([
      ['internal_publicity', 7, 'calendar_days'],
      ['acceptance', 10, 'calendar_days'],
      ['proposed_winners', 15, 'calendar_days'],
    ]);
    expect(tiersOf(sixth).map(({ tier, quota, moneyFen }) => [tier, quota, moneyFen])).toEqual([
      ['award', 4, { organisation: 30_000_000, individual: 5_000_000 }],
      ['nomination', 6, { organisation: 5_000_000, individual: 1_000_000 }],
    ]);
  });

  it('a bad policy document is refused with every problem listed, and nothing is created', async () => {
    const policy = launchDocument('xinzhou-city');
    const [award] = policy.tiers as { quota: { max: number } }[];
    if (award) award.quota.max = -1;
    delete policy.cycle;
    (policy.regulation as { expires: { date: string } }).expires.date = '2020-01-01';
    policy.colour = 'red';

    const response = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: {
        key: 'bad-city',
        nameZh: '坏市质量奖',
        nameEn: 'Bad City',
        level: 'city',
        divisionCode: '140900',
        policy,
      },
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.policy.key',
        'body.policy.tiers[0].quota.max',
        'body.policy.cycle',
        'body.policy.regulation.expires.date',
        'body.policy.colour',
      ]),
    );
    // The body's own problems come in the same answer; fields the policy would supply are not reported missing.
    const alone = await sut.call('POST', '/api/v1/tenants', { token: operator, body: { policy } });
    expect(alone.status).toBe(400);
    const aloneFields = (alone.body.errors as { field: string }[]).map((error) => error.field);
    expect(aloneFields.filter((field) => !field.startsWith('body.policy.'))).toEqual(['body.divisionCode']);
    expect(aloneFields).toEqual(expect.arrayContaining(['body.policy.cycle', 'body.policy.tiers[0].quota.max']));

    expect((await sut.call('GET', '/api/v1/tenants/bad-city', { token: operator })).status).toBe(404);
    const listed = await sut.call('GET', '/api/v1/tenants', { token: operator });
    expect((listed.body.tenants as { key: string }[]).map((tenant) => tenant.key)).not.toContain('bad-city');
  });

  it('if the awards service cannot create the programme, the tenant is not created either', async () => {
    const policy = { ...launchDocument('linxia'), key: 'down-county' };
    const body = { nameZh: '停机县质量奖', nameEn: 'Down County', level: 'county', divisionCode: '622921', policy };
    await sut.stopAwards();
    try {
      const refused = await sut.call('POST', '/api/v1/tenants', { token: operator, body });
      expect(refused.status).toBe(503);
      expect((await sut.call('GET', '/api/v1/tenants/down-county', { token: operator })).status).toBe(404);
    } finally {
      await sut.startAwards();
    }
    const created = await sut.call('POST', '/api/v1/tenants', { token: operator, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'down-county', programme: { policyVersion: 1 } });
  });

  it('the office opens a cycle that pins the policy version; PUT makes version 2, which the open cycle does not use', async () => {
    const office = await staff('ili', 'ili-office', ['office']);
    const recommender = await staff('ili', 'ili-recommender', ['recommender']);
    expect((await sut.call('GET', '/api/v1/tenants/ili/policy', { token: office })).body).toMatchObject({
      version: 1,
      policy: { key: 'ili', version: 1 },
    });

    const opened = await sut.call('POST', '/api/v1/tenants/ili/cycles', {
      token: office,
      body: { year: 2026, opensOn: '2026-12-01', closesOn: '2027-01-31' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ number: 1, year: 2026, status: 'open', policyVersion: 1 });
    expect((opened.body.quotas as { tier: string; quota: number; check: { outcome: string } }[])[0]).toMatchObject({
      tier: 'award',
      quota: 5,
      used: 0,
      check: { outcome: 'ok' },
    });

    const v2 = launchDocument('ili');
    v2.version = 2;
    const [award] = v2.tiers as { quota: { max: number } }[];
    if (award) award.quota.max = 6;
    expect((await sut.call('PUT', '/api/v1/tenants/ili/policy', { token: office, body: { policy: v2 } })).status).toBe(
      403,
    );
    const put = await sut.call('PUT', '/api/v1/tenants/ili/policy', { token: operator, body: { policy: v2 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, appliesFromCycle: 2 });

    const cycle = await sut.call('GET', '/api/v1/tenants/ili/cycles/1', { token: recommender });
    expect(cycle.body).toMatchObject({ number: 1, policyVersion: 1 });
    expect((cycle.body.quotas as { quota: number }[])[0]?.quota).toBe(5);
    expect(tiersOf(await summary('ili', recommender))[0]?.quota).toBe(6);
    expect(tiersOf(await summary('ili', recommender, '?version=1'))[0]?.quota).toBe(5);
    expect((await sut.call('GET', '/api/v1/tenants/ili/policy', { token: office })).body).toMatchObject({ version: 2 });

    // A stale edit and a document for another jurisdiction are refused; a second open cycle too.
    const stale = await sut.call('PUT', '/api/v1/tenants/ili/policy', { token: operator, body: { policy: v2 } });
    expect(stale).toMatchObject({ status: 409, body: { errors: [{ field: 'policy.version' }] } });
    const foreign = await sut.call('PUT', '/api/v1/tenants/ili/policy', {
      token: operator,
      body: { policy: { ...v2, version: 3, key: 'linxia' } },
    });
    expect(foreign).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'body.policy.key' })] },
    });
    const second = await sut.call('POST', '/api/v1/tenants/ili/cycles', {
      token: office,
      body: { year: 2028, opensOn: '2028-03-01', closesOn: '2028-04-30' },
    });
    expect(second.status).toBe(409);
    expect(
      (
        await sut.call('POST', '/api/v1/tenants/ili/cycles', {
          token: recommender,
          body: { year: 2028, opensOn: '2028-03-01', closesOn: '2028-04-30' },
        })
      ).status,
    ).toBe(403);
    const listed = await sut.call('GET', '/api/v1/tenants/ili/cycles', { token: office });
    expect((listed.body.cycles as { number: number }[]).map((c) => c.number)).toEqual([1]);
    const opener = (listed.body.cycles as Record<string, unknown>[])[0]?.openedBy;
    expect(opener).toEqual(expect.any(String));
    // An applicant reads the cycles (its portal starts in the open one) but not the staff user who opened it.
    const applicant = await staff('ili', 'ili-cycle-applicant', ['applicant']);
    const seen = await sut.call('GET', '/api/v1/tenants/ili/cycles', { token: applicant });
    expect(seen.status).toBe(200);
    const [applicantsCycle] = seen.body.cycles as Record<string, unknown>[];
    expect(applicantsCycle).toMatchObject({ number: 1, status: 'open', schedule: expect.any(Array) });
    expect(applicantsCycle).not.toHaveProperty('openedBy');
    expect(JSON.stringify(seen.body)).not.toContain(String(opener));
  });

  it('xinzhou-city’s office is warned of the expiry, and after 2026-11-30 no cycle opens (409 with the article)', async () => {
    let office = await staff('xinzhou-city', 'xinzhou-office', ['office']);
    await eventually(async () => {
      const audit = await sut.call('GET', '/api/v1/tenants/xinzhou-city/audit?service=awards', { token: office });
      expect(audit.body.entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'regulation.expiring', basis: '第三十四条' })]),
      );
    });

    await clock.set('2026-12-01T01:00:00Z');
    office = await sut.login('xinzhou-office', 'a-long-password');
    const refused = await sut.call('POST', '/api/v1/tenants/xinzhou-city/cycles', {
      token: office,
      headers: { 'accept-language': 'en' },
      body: { year: 2027, opensOn: '2027-03-01', closesOn: '2027-04-30' },
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'urn:laurel:problem:conflict',
      basis: '第三十四条',
      reason: 'regulation_expired',
      lastDayInForce: '2026-11-30',
    });
    expect(refused.body.detail).toMatch(/expired after 2026-11-30/);
  });

  it('xinzhou-city 第十七条、第二十七条: the office cannot create supervision-group or leading-group accounts; the operator can', async () => {
    operator = await sut.login(OPERATOR.username, OPERATOR.password); // the clock moved on past the token's life
    const office = await staff('xinzhou-city', 'xinzhou-office-2', ['office']);
    const create = (token: string, username: string, roles: string[]) =>
      sut.call('POST', '/api/v1/tenants/xinzhou-city/users', {
        token,
        body: { username, password: 'a-long-password', displayName: username, roles },
      });

    const supervisor = await create(office, 'xz-supervisor-by-office', ['supervisor']);
    expect(supervisor.status).toBe(403);
    expect(supervisor.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(supervisor.body).toMatchObject({
      type: 'urn:laurel:problem:forbidden',
      basis: 'xinzhou-city 第十七条; 第二十七条',
      errors: [expect.objectContaining({ field: 'body.roles' })],
    });
    const leadingGroup = await create(office, 'xz-leading-by-office', ['recommender', 'leading_group']);
    expect(leadingGroup.status).toBe(403);
    expect(leadingGroup.body.basis).toBe('xinzhou-city 第六条; 第十条');
    const users = await sut.call('GET', '/api/v1/tenants/xinzhou-city/users', { token: office });
    expect((users.body.users as { username: string }[]).map((u) => u.username)).not.toContain(
      'xz-supervisor-by-office',
    );

    expect((await create(office, 'xz-recommender-by-office', ['recommender'])).status).toBe(201);
    expect((await create(operator, 'xz-supervisor-by-operator', ['supervisor'])).status).toBe(201);
    expect((await create(operator, 'xz-leading-by-operator', ['leading_group'])).status).toBe(201);

    // Where the regulation makes no body independent of the office, the office appoints them as before.
    const iliOffice = await staff('ili', 'ili-office-grants', ['office']);
    const iliSupervisor = await sut.call('POST', '/api/v1/tenants/ili/users', {
      token: iliOffice,
      body: {
        username: 'ili-supervisor-by-office',
        password: 'a-long-password',
        displayName: 's',
        roles: ['supervisor'],
      },
    });
    expect(iliSupervisor.status).toBe(201);
  });
});
