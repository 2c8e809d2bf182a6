import { anApplication } from '@laurel/testing';
import type { ApplicationsPlatform, Json } from './applications.util';

const ok = (response: { status: number; body: Json }, status = 200) => {
  if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};

/**
 * Takes applicants' applications along ili's steps to acceptance, together (internal publicity, submission with the
 * recommender's review, formal review, the acceptance list's notice): the reviews service then holds its copies.
 * The same steps as reviews-conflicts.e2e-spec.ts, for the specs of the later review stages.
 */
export async function acceptIliApplications(
  sut: ApplicationsPlatform,
  tokens: { office: string; dept: string },
  orgs: { token: string; body: Json }[],
  recommenderId: string,
): Promise<string[]> {
  const api = '/api/v1/tenants/ili';
  const ids: string[] = [];
  for (const org of orgs) {
    const applicant = ok(await sut.call('POST', `${api}/applicants`, { token: org.token, body: org.body }), 201);
    const created = ok(
      await sut.call('POST', `${api}/applications`, {
        token: org.token,
        body: { ...anApplication('ili', applicant.id as string), applicantId: undefined },
      }),
      201,
    );
    ids.push(created.id as string);
    ok(
      await sut.call('POST', `${api}/applications/${created.id}/internal-publicity`, {
        token: org.token,
        body: { startedOn: '2026-11-23', evidence: '公示照片' },
      }),
    );
  }
  await sut.settle('2026-12-01T01:00:00Z');
  for (const [i, id] of ids.entries()) {
    ok(await sut.call('POST', `${api}/applications/${id}/submit`, { token: orgs[i]?.token, body: { recommenderId } }));
    ok(
      await sut.call('POST', `${api}/applications/${id}/review`, {
        token: tokens.dept,
        body: { decision: 'recommend', text: '同意推荐。' },
      }),
    );
  }
  await sut.settle('2026-12-08T16:00:01Z');
  for (const id of ids) await sut.statusBecomes('ili', id, tokens.office, 'recommended');
  for (const id of ids) {
    await sut.decideAll('ili', id, tokens.office);
    ok(
      await sut.call('POST', `${api}/applications/${id}/formal-review`, {
        token: tokens.office,
        body: { decision: 'pass', reasons: '材料齐全' },
      }),
    );
  }
  ok(
    await sut.call('POST', `${api}/cycles/1/acceptance-list`, {
      token: tokens.office,
      body: { applicationIds: ids, publishedOn: '2026-12-09' },
    }),
    201,
  );
  await sut.settle('2026-12-16T16:00:01Z');
  for (const id of ids) await sut.statusBecomes('ili', id, tokens.office, 'accepted');
  return ids;
}
