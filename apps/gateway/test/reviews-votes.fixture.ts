import type { RunningService } from '@laurel/platform';
import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { acceptIliApplications } from './reviews-acceptance.util';

export const A = anOrganisation('ili', 7201, { name: '伊犁甲制造有限公司' });
export const B = anOrganisation('ili', 7202, { name: '伊犁乙科技有限公司' });
export const C = anOrganisation('ili', 7203, { name: '伊犁丙食品有限公司' });

/**
 * ili through the gateway with the real awards, objections, applications and reviews services: three organisations
 * taken to acceptance and copied by the reviews service; the office, four leading-group accounts, an expert and a
 * linxia office signed in. Returns the platform, the tokens, the user ids and the three application ids.
 */
export async function startVotesFixture(clock: TestClock) {
  const api = '/api/v1/tenants/ili';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const sut: ApplicationsPlatform = await startApplicationsPlatform({
    clock,
    tenants: ['ili', 'linxia'],
    reviews: true,
    // Twelve sign-ins in the first minute (eleven users and the operator).
    gatewayEnv: { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
  });
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  for (const [tenant, username, roles] of [
    ['ili', 'office', ['office']],
    ['ili', 'org-a', ['applicant']],
    ['ili', 'org-b', ['applicant']],
    ['ili', 'org-c', ['applicant']],
    ['ili', 'dept', ['recommender']],
    ['ili', 'unit-scjg', ['leading_group']],
    ['ili', 'unit-gxw', ['leading_group']],
    ['ili', 'unit-fgw', ['leading_group']],
    ['ili', 'lg-guest', ['leading_group']],
    ['ili', 'wang', ['expert']],
    ['linxia', 'linxia-office', ['office']],
  ] as const) {
    const user = await sut.addUser(tenant, username, roles);
    userIds[username] = user.id;
    tokens[username] = user.token;
  }
  ok(
    await call('POST', `${api}/cycles`, {
      token: tokens.office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    }),
    201,
  );
  const dept = ok(
    await call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: '州工业和信息化局', kind: 'department', userIds: [userIds.dept] },
    }),
    201,
  );
  await sut.objectionRulesReady('ili', tokens.office as string);
  const [appA, appB, appC] = (await acceptIliApplications(
    sut,
    { office: tokens.office as string, dept: tokens.dept as string },
    [
      { token: tokens['org-a'] as string, body: A },
      { token: tokens['org-b'] as string, body: B },
      { token: tokens['org-c'] as string, body: C },
    ],
    dept.id as string,
  )) as [string, string, string];
  // The reviews service copies each accepted application from its event.
  await eventually(
    async () => {
      const copies = await (sut.reviews as RunningService).runtime.database.system.$queryRawUnsafe<Json[]>(
        'SELECT count(*)::int AS n FROM review_application',
      );
      expect(copies[0]?.n).toBe(3);
    },
    { timeoutMs: 15000 },
  );
  return { sut, tokens, userIds, appA, appB, appC, call };
}
