import { seedLaunchJurisdictions } from '../src/gateway-app';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

describe('seeding the five launch jurisdictions (npm start)', () => {
  let sut: Platform;

  beforeAll(async () => {
    sut = await startPlatform({}, { awards: true });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('creates each from its policy document with an office user, once', async () => {
    const seeded = await seedLaunchJurisdictions(sut.gateway);
    expect(seeded.map((s) => s.key)).toEqual(['ili', 'linxia', 'inner-mongolia', 'xinzhou-district', 'xinzhou-city']);
    expect(await seedLaunchJurisdictions(sut.gateway)).toEqual([]);

    const operator = await sut.login(OPERATOR.username, OPERATOR.password);
    const tenants = await sut.call('GET', '/api/v1/tenants', { token: operator });
    expect(
      (tenants.body.tenants as { key: string; divisionCode: string }[]).map((t) => [t.key, t.divisionCode]),
    ).toEqual([
      ['ili', '654000'],
      ['linxia', '622921'],
      ['inner-mongolia', '150000'],
      ['xinzhou-district', '361102'],
      ['xinzhou-city', '140900'],
    ]);

    const ili = seeded[0] as (typeof seeded)[number];
    const office = await sut.login(ili.officeUsername, ili.officePassword);
    const summary = await sut.call('GET', '/api/v1/tenants/ili/policy/summary', { token: office });
    expect(summary.status).toBe(200);
    expect(summary.body.cycleYears).toBe(2);
  });
});
