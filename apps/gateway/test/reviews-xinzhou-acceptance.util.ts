import { type ApplicationsPlatform, creditCodeFor, type Json } from './applications.util';

const ok = (response: { status: number; body: Json }, status = 200) => {
  if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};

/** The office's cycle and a recommending department in `tenant`; returns the recommender's id. */
export async function openCycle(
  sut: ApplicationsPlatform,
  tenant: string,
  tokens: { office: string; deptUserId: string },
): Promise<string> {
  const api = `/api/v1/tenants/${tenant}`;
  ok(
    await sut.call('POST', `${api}/cycles`, {
      token: tokens.office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    }),
    201,
  );
  const recommender = ok(
    await sut.call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: `${tenant} 工业和信息化局`, kind: 'department', userIds: [tokens.deptUserId] },
    }),
    201,
  );
  await sut.objectionRulesReady(tenant, tokens.office);
  return recommender.id as string;
}

/**
 * Takes organisations' applications to acceptance in xinzhou-district: recommended without a notice, then the office's
 * qualification review (第十条、第十一条) accepts at once.
 */
export async function acceptDistrictApplications(
  sut: ApplicationsPlatform,
  tokens: { office: string; dept: string },
  recommenderId: string,
  organisations: readonly [number, string][],
): Promise<string[]> {
  const api = '/api/v1/tenants/xinzhou-district';
  const ids: string[] = [];
  for (const [n, name] of organisations) {
    const applicant = ok(
      await sut.call('POST', `${api}/applicants`, {
        token: tokens.office,
        body: {
          kind: 'organisation',
          name,
          legalForm: 'legal_person',
          organisationType: 'enterprise',
          creditCode: creditCodeFor(n),
        },
      }),
      201,
    );
    const created = ok(
      await sut.call('POST', `${api}/applications`, {
        token: tokens.office,
        body: {
          applicantId: applicant.id,
          cycleNumber: 1,
          facts: {
            registeredInJurisdiction: true,
            yearsOperating: 5,
            incidents: [],
            lossYears: [],
            spotChecksPassedConsecutiveYears: 3,
          },
        },
      }),
      201,
    );
    const id = created.id as string;
    ids.push(id);
    const action = (step: string, body: Json, token = tokens.office) =>
      sut.call('POST', `${api}/applications/${id}/${step}`, { token, body });
    ok(await action('submit', { recommenderId }));
    ok(await action('review', { decision: 'recommend', text: '经审查，同意推荐。' }, tokens.dept));
    await sut.decideAll('xinzhou-district', id, tokens.office);
    ok(await action('formal-review', { decision: 'pass', reasons: '材料齐全，符合条件' }));
  }
  return ids;
}

/**
 * Takes organisations' applications to acceptance in xinzhou-city: internal publicity, submission, the department's
 * recommendation, the formal review and the acceptance list's notice (第十四条～第十六条).
 */
export async function acceptCityApplications(
  sut: ApplicationsPlatform,
  tokens: { office: string; dept: string },
  recommenderId: string,
  organisations: readonly [number, string][],
): Promise<string[]> {
  const api = '/api/v1/tenants/xinzhou-city';
  const ids: string[] = [];
  for (const [n, name] of organisations) {
    const applicant = ok(
      await sut.call('POST', `${api}/applicants`, {
        token: tokens.office,
        body: { kind: 'organisation', name, legalForm: 'legal_person', creditCode: creditCodeFor(n) },
      }),
      201,
    );
    const created = ok(
      await sut.call('POST', `${api}/applications`, {
        token: tokens.office,
        body: {
          applicantId: applicant.id,
          cycleNumber: 1,
          facts: { registeredInJurisdiction: true, yearsOperating: 3, incidents: [] },
        },
      }),
      201,
    );
    ids.push(created.id as string);
    ok(
      await sut.call('POST', `${api}/applications/${created.id}/internal-publicity`, {
        token: tokens.office,
        body: { startedOn: '2026-11-23', evidence: '公示照片' },
      }),
    );
  }
  await sut.settle('2026-12-01T01:00:00Z');
  for (const id of ids) {
    const action = (step: string, body: Json, token = tokens.office) =>
      sut.call('POST', `${api}/applications/${id}/${step}`, { token, body });
    ok(await action('state-secret-statement', { noStateSecrets: true }));
    ok(await action('submit', { recommenderId }));
    ok(await action('review', { decision: 'recommend', text: '经县政府推荐，同意。' }, tokens.dept));
    await sut.decideAll('xinzhou-city', id, tokens.office);
    ok(await action('formal-review', { decision: 'pass', reasons: '材料齐全，符合条件' }));
  }
  ok(
    await sut.call('POST', `${api}/cycles/1/acceptance-list`, {
      token: tokens.office,
      body: { applicationIds: ids, publishedOn: '2026-12-01', period: { count: 10, unit: 'calendar_days' } },
    }),
    201,
  );
  await sut.settle('2026-12-11T16:00:01Z');
  for (const id of ids) await sut.statusBecomes('xinzhou-city', id, tokens.office, 'accepted');
  return ids;
}
