import type { ApplicationsPlatform, Json } from './applications.util';

const api = '/api/v1/tenants/linxia';

/**
 * Takes linxia applications (drafts of cycle 1, started on Monday 23 November 2026 by the platform's test clock) to
 * accepted along linxia's steps: internal publicity 5 wd (第十三条), the no-state-secret statement (第十二条), the
 * recommender's notice 5 wd (第十五条), formal review, the acceptance list noticed 5 wd (第十七条).
 */
export async function acceptInLinxia(
  sut: ApplicationsPlatform,
  tokens: { office: string; dept: string },
  applicationIds: readonly string[],
  recommenderId: string,
): Promise<void> {
  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const post = (path: string, body: Json, token = tokens.office) => sut.call('POST', `${api}${path}`, { token, body });
  for (const id of applicationIds) {
    ok(await post(`/applications/${id}/internal-publicity`, { startedOn: '2026-11-23', evidence: '公示照片' }));
  }
  await sut.settle('2026-12-01T01:00:00Z');
  for (const id of applicationIds) {
    ok(await post(`/applications/${id}/state-secret-statement`, { noStateSecrets: true }));
    ok(await post(`/applications/${id}/submit`, { recommenderId }));
    ok(
      await post(
        `/applications/${id}/review`,
        { decision: 'recommend', text: '材料完整、真实，同意推荐。', publishedOn: '2026-12-01' },
        tokens.dept,
      ),
    );
  }
  await sut.settle('2026-12-08T16:00:01Z');
  for (const id of applicationIds) {
    await sut.statusBecomes('linxia', id, tokens.office, 'recommended');
    await sut.decideAll('linxia', id, tokens.office);
    ok(await post(`/applications/${id}/formal-review`, { decision: 'pass', reasons: '材料齐全，符合条件' }));
  }
  ok(await post('/cycles/1/acceptance-list', { applicationIds, publishedOn: '2026-12-09' }), 201);
  await sut.settle('2026-12-16T16:00:01Z');
  for (const id of applicationIds) await sut.statusBecomes('linxia', id, tokens.office, 'accepted');
}
