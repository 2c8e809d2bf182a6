import { rubricForStandard } from '@laurel/policy';
import { TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  EVIDENCE_PDF,
  idNumberFor,
  type Json,
  startApplicationsPlatform,
} from './applications.util';
import { acceptInLinxia } from './linxia-acceptance.util';

export const GBT_ITEMS = rubricForStandard('GB/T 19580')?.categories.flatMap((category) => category.items) ?? [];

export type PanelsFixture = Awaited<ReturnType<typeof startPanelsFixture>>;

/**
 * linxia through the gateway with the real awards, objections, applications and reviews services: two organisations
 * and one individual taken to acceptance, four experts (李 works for 甲: detected from the employer's credit code and
 * recused), an ili office and expert for the other tenant. Shared by the panels specs.
 */
export async function startPanelsFixture() {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/linxia';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const experts: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const names = { orgA: '临夏甲机械有限公司', orgB: '临夏乙食品有限公司', person: '马六' };
  const creditA = creditCodeFor(8101);

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  /** Registers an applicant and starts its application in cycle 1 (by the office). */
  async function apply(applicant: Json, facts: Json): Promise<string> {
    const registered = ok(await call('POST', `${api}/applicants`, { token: tokens.office, body: applicant }), 201);
    const created = ok(
      await call('POST', `${api}/applications`, {
        token: tokens.office,
        body: { applicantId: registered.id, cycleNumber: 1, facts },
      }),
      201,
    );
    return created.id as string;
  }

  const profile = (name: string, overrides: Json = {}) => ({
    name,
    email: null,
    phone: null,
    idNumber: null,
    specialities: ['质量管理'],
    currentEmployer: { creditCode: creditCodeFor(8199), name: '兰州某大学' },
    ...overrides,
  });

  sut = await startApplicationsPlatform({ clock, tenants: ['linxia', 'ili'], reviews: true });
  for (const [tenant, username, roles] of [
    ['linxia', 'office', ['office']],
    ['linxia', 'dept', ['recommender']],
    ['linxia', 'wang', ['expert']],
    ['linxia', 'lisi', ['expert']],
    ['linxia', 'zhao', ['expert']],
    ['linxia', 'qian', ['expert']],
    ['ili', 'ili-office', ['office']],
    ['ili', 'ili-expert', ['expert']],
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
      body: { name: '临夏县市场监督管理局', kind: 'department', userIds: [userIds.dept] },
    }),
    201,
  );
  await sut.objectionRulesReady('linxia', tokens.office as string);
  const orgFacts = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };
  ids.orgA = await apply(
    { kind: 'organisation', name: names.orgA, legalForm: 'legal_person', creditCode: creditA },
    orgFacts,
  );
  ids.orgB = await apply(
    { kind: 'organisation', name: names.orgB, legalForm: 'legal_person', creditCode: creditCodeFor(8102) },
    orgFacts,
  );
  ids.person = await apply(
    { kind: 'individual', name: names.person, employer: names.orgB, idNumber: idNumberFor(813) },
    { incidents: [] },
  );
  const material = ok(
    await call('POST', `${api}/applications/${ids.orgA}/materials`, {
      token: tokens.office,
      body: { title: '自评报告（含商业秘密）', tradeSecret: true, file: EVIDENCE_PDF },
    }),
    201,
  );
  ids.material = material.id as string;
  await acceptInLinxia(
    sut,
    { office: tokens.office as string, dept: tokens.dept as string },
    [ids.orgA, ids.orgB, ids.person] as string[],
    dept.id as string,
  );
  for (const [username, overrides] of [
    ['wang', {}],
    // 李 works for 甲: detected from the employer's credit code, then recused.
    ['lisi', { currentEmployer: { creditCode: creditA, name: names.orgA } }],
    ['zhao', {}],
    ['qian', {}],
  ] as const) {
    const registered = ok(
      await call('POST', `${api}/experts`, {
        token: tokens.office,
        body: { userId: userIds[username], ...profile(`${username}专家`, overrides) },
      }),
      201,
    );
    experts[username] = registered.id as string;
  }
  const flags = ok(await call('GET', `${api}/conflicts?expertId=${experts.lisi}`, { token: tokens.office }));
  expect((flags.conflicts as Json[]).map((f) => f.applicationId)).toEqual([ids.orgA]);
  ok(
    await call('POST', `${api}/conflicts/${(flags.conflicts as Json[])[0]?.id}/decision`, {
      token: tokens.office,
      body: { decision: 'recuse', reason: '专家现任职于申报组织' },
    }),
  );
  return { sut: () => sut, call, api, tokens, userIds, experts, ids, names, creditA, ok };
}

/** The defense opened with its policy entrants, a panel of four (two per application) and the solved assignment. */
export async function openDefenseAndAssign(fx: PanelsFixture) {
  const { call, ok, api, tokens, experts } = fx;
  const opened = ok(
    await call('POST', `${api}/cycles/1/review-stages/defense/open`, {
      token: tokens.office,
      body: { reason: '陈述答辩' },
    }),
    201,
  );
  ok(
    await call('PUT', `${api}/review-stages/${opened.id}/panel`, {
      token: tokens.office,
      body: {
        name: '陈述答辩评审组',
        size: 2,
        sizeReason: '申报数量少，每份由两名专家评议',
        members: ['wang', 'lisi', 'zhao', 'qian'].map((u) => ({ expertId: experts[u], minLoad: 1, maxLoad: 1 })),
      },
    }),
  );
  const solved = ok(
    await call('POST', `${api}/review-stages/${opened.id}/assignments/solve`, { token: tokens.office }),
  );
  return { defenseId: opened.id as string, assignments: solved.assignments as Json[] };
}
