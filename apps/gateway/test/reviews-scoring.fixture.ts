import { rubricForStandard } from '@laurel/policy';
import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';

const rubric = rubricForStandard('GB/T 19580');
if (!rubric) throw new Error('no GB/T 19580 rubric');
const ITEMS = rubric.categories.flatMap((category) => category.items);

/** A full sheet adding up to `total`: each item filled in rubric order up to its points. */
export function itemsFor(total: number, note = '') {
  let left = total;
  return ITEMS.map((item) => {
    const score = Math.min(item.points, left);
    left -= score;
    return { itemKey: item.key, score, strengths: `${note}优势：${item.name.zh}`, improvements: '改进机会：持续改进' };
  });
}

export const EXPERTS = ['e1', 'e2', 'e3', 'e4'] as const;
/** Totals by expert and application (apps[0..4]): e1 lenient, e2 strict; e4 writes 300 for apps[4] (an outlier). */
export const TOTALS: Record<(typeof EXPERTS)[number], number[]> = {
  e1: [650, 700, 750, 800, 850],
  e2: [550, 600, 650, 700, 750],
  e3: [600, 650, 700, 750, 800],
  e4: [620, 670, 720, 770, 300],
};

export type ScoringFixture = Awaited<ReturnType<typeof startScoringFixture>>;

/**
 * inner-mongolia through the gateway and the real services (awards, objections, applications, reviews): five
 * organisations taken to acceptance, five experts registered (e5 works for the first applicant: a conflict detected
 * from the employer's credit code), and a linxia office for the other tenant. Shared by the scoring specs.
 */
export async function startScoringFixture() {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/inner-mongolia';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const apps: string[] = [];
  const expertIds: Record<string, string> = {};
  const stageIds: Record<string, string> = {};
  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const sheet = (id: string, stage = 'material') => `${api}/scoring/cycles/1/stages/${stage}/applications/${id}/sheet`;
  const results = `${api}/scoring/cycles/1/stages/material/results`;

  /** The office opens a review stage, sets its panel and solves the assignment (the panels' part). */
  async function openAndAssign(stageKey: string, size: number, members: { name: string; min: number; max: number }[]) {
    const opened = ok(
      await call('POST', `${api}/cycles/1/review-stages/${stageKey}/open`, {
        token: tokens.office,
        body: { reason: `开启${stageKey}` },
      }),
      201,
    );
    stageIds[stageKey] = opened.id as string;
    ok(
      await call('PUT', `${api}/review-stages/${opened.id}/panel`, {
        token: tokens.office,
        body: {
          name: `${stageKey}评审组`,
          size,
          sizeReason: '办公室决定的评审组人数',
          members: members.map((m) => ({ expertId: expertIds[m.name], minLoad: m.min, maxLoad: m.max })),
        },
      }),
    );
    return ok(await call('POST', `${api}/review-stages/${opened.id}/assignments/solve`, { token: tokens.office }));
  }

  sut = await startApplicationsPlatform({
    clock,
    tenants: ['inner-mongolia', 'linxia'],
    reviews: true,
    // Ten sign-ins in the first minute (nine users and the operator).
    gatewayEnv: { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
  });
  for (const [tenant, username, roles] of [
    ['inner-mongolia', 'office', ['office']],
    ['inner-mongolia', 'office-zhao', ['office']],
    ['inner-mongolia', 'dept', ['recommender']],
    ['inner-mongolia', 'e1', ['expert']],
    ['inner-mongolia', 'e2', ['expert']],
    ['inner-mongolia', 'e3', ['expert']],
    ['inner-mongolia', 'e4', ['expert']],
    ['inner-mongolia', 'e5', ['expert']],
    ['linxia', 'linxia-office', ['office']],
  ] as const) {
    const user = await sut.addUser(tenant, username.length < 3 ? `expert-${username}` : username, roles);
    userIds[username] = user.id;
    tokens[username] = user.token;
  }
  const office = tokens.office as string;
  ok(
    await call('POST', `${api}/cycles`, {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    }),
    201,
  );
  const dept = ok(
    await call('POST', `${api}/recommenders`, {
      token: office,
      body: { name: '呼和浩特市市场监督管理局', kind: 'department', userIds: [userIds.dept] },
    }),
    201,
  );
  await sut.objectionRulesReady('inner-mongolia', office);
  ok(
    await call('POST', '/api/v1/tenants/linxia/cycles', {
      token: tokens['linxia-office'],
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    }),
    201,
  );
  for (let n = 1; n <= 5; n++) {
    const applicant = ok(
      await call('POST', `${api}/applicants`, {
        token: office,
        body: anOrganisation('inner-mongolia', 8100 + n, { name: `内蒙古评分测试企业${n}` }),
      }),
      201,
    );
    const created = ok(
      await call('POST', `${api}/applications`, {
        token: office,
        body: {
          applicantId: applicant.id,
          cycleNumber: 1,
          facts: { registeredInJurisdiction: true, yearsOperating: 8, qualitySystemYears: 3, incidents: [] },
        },
      }),
      201,
    );
    const id = created.id as string;
    apps.push(id);
    ok(await call('POST', `${api}/applications/${id}/submit`, { token: office, body: { recommenderId: dept.id } }));
    ok(
      await call('POST', `${api}/applications/${id}/review`, {
        token: tokens.dept,
        body: { decision: 'recommend', text: '经审查，同意推荐。' },
      }),
    );
    await sut.decideAll('inner-mongolia', id, office);
    ok(
      await call('POST', `${api}/applications/${id}/formal-review`, {
        token: office,
        body: { decision: 'pass', reasons: '材料齐全，符合条件' },
      }),
    );
  }
  ok(
    await call('POST', `${api}/cycles/1/acceptance-list`, {
      token: office,
      body: { applicationIds: apps, publishedOn: '2026-11-23', period: { count: 5, unit: 'working_days' } },
    }),
    201,
  );
  await sut.settle('2026-12-01T01:00:00Z');
  for (const id of apps) await sut.statusBecomes('inner-mongolia', id, office, 'accepted');
  for (const name of [...EXPERTS, 'e5']) {
    const registered = ok(
      await call('POST', `${api}/experts`, {
        token: office,
        body: {
          userId: userIds[name],
          name: `专家${name}`,
          specialities: ['卓越绩效'],
          // e5 works for the first applicant: a conflict detected from the employer's credit code.
          currentEmployer:
            name === 'e5'
              ? { creditCode: creditCodeFor(8101), name: '内蒙古评分测试企业1' }
              : { creditCode: creditCodeFor(8190 + Number(name.slice(1))), name: '某高校' },
        },
      }),
      201,
    );
    expertIds[name] = registered.id as string;
  }
  // The reviews service holds the five accepted applications (the office sees them as the stage's entry findings).
  await eventually(async () => {
    const stages = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
    expect(((stages.stages as Json[])[0] as Json).entryFindings).toHaveLength(5);
  });
  return {
    sut: () => sut,
    call,
    api,
    tokens,
    userIds,
    apps,
    expertIds,
    stageIds,
    ok,
    sheet,
    results,
    openAndAssign,
  };
}

/**
 * The material review as the first scoring spec leaves it: four experts assigned to all five applications, every
 * sheet submitted (e1's first one revised from 640 to 650 with a reason), e4's outlier on apps[4] adjusted to 820 in
 * consensus. Returns the id of e1's revised sheet.
 */
export async function scoreAndSettleMaterial(fx: ScoringFixture): Promise<string> {
  const { call, ok, sheet, tokens, apps, api, results } = fx;
  await fx.openAndAssign('material', 4, [
    ...EXPERTS.map((name) => ({ name, min: 5, max: 5 })),
    { name: 'e5', min: 0, max: 1 },
  ]);
  let revised = '';
  for (const name of EXPERTS) {
    for (const [j, id] of apps.entries()) {
      const first = name === 'e1' && j === 0 ? 640 : (TOTALS[name][j] as number);
      ok(await call('PUT', sheet(id), { token: tokens[name], body: { items: itemsFor(first) } }));
      const submitted = ok(await call('POST', `${sheet(id)}/submit`, { token: tokens[name] }));
      if (name === 'e1' && j === 0) {
        const before = new Map(itemsFor(640).map((item) => [item.itemKey, item.score]));
        const changed = itemsFor(650).filter((item) => before.get(item.itemKey) !== item.score);
        revised = submitted.id as string;
        ok(
          await call('POST', `${api}/scoring/sheets/${revised}/revisions`, {
            token: tokens.e1,
            body: { items: changed, reason: '复核结果部分数据后加分' },
          }),
        );
      }
    }
  }
  const table = ok(await call('GET', results, { token: tokens.office }));
  const flagged = (table.sheets as Json[]).find((row) => row.flag) as Json;
  ok(
    await call('POST', results.replace('/results', '/consensus'), {
      token: tokens.office,
      body: { sheetId: flagged.sheetId, outcome: 'adjust', adjustedTotal: 820, reason: '专家组合议：结果部分漏评' },
    }),
  );
  return revised;
}
