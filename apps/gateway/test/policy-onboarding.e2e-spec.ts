import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;
type Json = Record<string, unknown>;

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(join(__dirname, '../../../packages/policy/test-fixtures', name), 'utf8')) as Json;

/**
 * A jurisdiction that is not one of the five, onboarded by the operator from a policy document transcribed from its
 * published text in steps (许昌市市长质量奖管理办法, 第一条–第六条; the rest listed as not yet transcribed).
 */
describe('onboarding a jurisdiction from a policy document transcribed in steps', () => {
  let sut: Platform;
  let operator: string;

  beforeAll(async () => {
    sut = await startPlatform({}, { awards: true });
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('creates the tenant, summarises its quotas and explains it without claiming silences', async () => {
    const created = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: { divisionCode: '411000', policy: fixture('xuchang-city.json') },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'xuchang-city', level: 'city', programme: { policyVersion: 1 } });

    const summary = await sut.call('GET', '/api/v1/tenants/xuchang-city/policy/summary', { token: operator });
    expect(summary.status).toBe(200);
    const tiers = summary.body.tiers as { tier: string; quota: number; basis: string }[];
    expect(tiers.map(({ tier, quota, basis }) => [tier, quota, basis])).toEqual([
      ['award', 2, '第四条'],
      ['nomination', 3, '第四条'],
    ]);

    const explained = await sut.call('GET', '/api/v1/tenants/xuchang-city/policy/explained', { token: operator });
    expect(explained.status).toBe(200);
    const text = explained.body.text as string;
    expect(text).toContain('后果 Consequences:\n  - 尚未录入 / not yet transcribed');
    expect(text).not.toContain('未规定');
  });

  it('refuses a document whose amount is not integer fen, naming the field and the expected form', async () => {
    const policy = fixture('xuchang-city.json');
    const tiers = policy.tiers as { money: Json }[];
    if (tiers[0])
      tiers[0].money = {
        form: 'prize',
        fen: { organisation: 1000000.5, individual: null },
        repeatWinner: null,
        basis: '第四条',
      };
    policy.key = 'xuchang-bad';

    const response = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: { divisionCode: '411000', policy },
    });

    expect(response.status).toBe(400);
    const errors = response.body.errors as { field: string; reason: string }[];
    const fen = errors.find((e) => e.field === 'body.policy.tiers[0].money.fen.organisation');
    expect(fen?.reason).toContain('integer fen: 1 yuan = 100 fen, e.g. 20万元 → 20000000');
  });
});
