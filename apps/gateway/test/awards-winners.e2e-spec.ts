import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { creditCodeFor, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * From candidates to winners (awards service): the cycle's candidate list as the reviews service publishes it
 * (`reviews.candidate-list.published.v1`; the vote and deliberation that make it are in reviews-votes), then the
 * government's approval recorded by the office — body, 文号, day, winners — checked against the quotas (linxia 第四条
 * 原则上: exceeded only with the deciding body's reason; xinzhou-district 第三条 不超过: refused), one title per
 * winner with the policy's validity (linxia 第五条 5 years; xinzhou-district 第五条 3 and 1 years), the cycle's
 * quotas used, and `awards.award.decided.v1` through the outbox making the funds service's entitlements, once.
 */
describe('awards: approval, commendation decision and titles', () => {
  let sut: ApplicationsPlatform;
  // Monday 14 December 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-12-14T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const tenantIds: Record<string, string> = {};
  const offices: Record<string, string> = {};
  let linxiaFinance: string;
  const candidates: Record<string, { applicationId: string; applicantId: string; name: string; tier: string }[]> = {};

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const api = (tenant: string) => `/api/v1/tenants/${tenant}`;
  const fields = (response: { body: Json }) => ((response.body.errors as Json[]) ?? []).map((e) => e.field);

  /** Registers the applicants and delivers the candidate list the reviews service publishes for cycle 1. */
  const candidateList = async (tenant: string, names: [string, string][], codeBase: number) => {
    const entries = [];
    for (const [index, [name, tier]] of names.entries()) {
      const applicant = ok(
        await call('POST', `${api(tenant)}/applicants`, {
          token: offices[tenant],
          body: { kind: 'organisation', name, creditCode: creditCodeFor(codeBase + index), legalForm: 'legal_person' },
        }),
        201,
      );
      entries.push({
        applicationId: randomUUID(),
        applicantId: applicant.id as string,
        applicantName: name,
        applicantKind: 'organisation' as const,
        position: index + 1,
        voteTier: null,
        deliberationTier: tier,
        proposedTier: tier,
      });
    }
    const awards = sut.awards as RunningService;
    await awards.runtime.consumers.handle('awards-candidate-list-published', {
      id: randomUUID(),
      subject: 'reviews.candidate-list.published.v1',
      tenantId: tenantIds[tenant] as string,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: null,
      payload: {
        id: randomUUID(),
        cycleNumber: 1,
        stages: ['deliberation'],
        entries,
        basis: '第二十一条',
        publishedBy: 'office',
        publishedAt: clock.now().toISOString(),
      },
    } as never);
    candidates[tenant] = entries.map((e) => ({ ...e, name: e.applicantName, tier: e.proposedTier }));
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia', 'xinzhou-district'], funds: true });
    const operator = await sut.login('operator');
    for (const tenant of ['linxia', 'xinzhou-district']) {
      tenantIds[tenant] = ok(await call('GET', api(tenant), { token: operator })).id as string;
      offices[tenant] = (await sut.addUser(tenant, `${tenant}-office`, ['office'])).token;
      ok(
        await call('POST', `${api(tenant)}/cycles`, {
          token: offices[tenant],
          body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-31' },
        }),
        201,
      );
    }
    linxiaFinance = (await sut.addUser('linxia', 'linxia-finance', ['finance'])).token;
    await candidateList(
      'linxia',
      [
        ['临夏甲建材有限公司', 'award'],
        ['临夏乙食品有限公司', 'award'],
        ['临夏丙机械有限公司', 'award'],
        ['临夏丁纺织有限公司', 'nomination'],
      ],
      100,
    );
    await candidateList(
      'xinzhou-district',
      [
        ['信州甲光学有限公司', 'award'],
        ['信州乙电子有限公司', 'award'],
        ['信州丙化工有限公司', 'award'],
        ['信州丁医药有限公司', 'award'],
        ['信州戊物流有限公司', 'nomination'],
      ],
      200,
    );
  });
  afterAll(async () => {
    await sut?.close();
  });

  const act = (tenant: string, winners: { applicationId: string; tier: string }[], extra: Json = {}) => ({
    approvingBody: tenant === 'linxia' ? '临夏县人民政府' : '上饶市信州区人民政府',
    documentNumber: tenant === 'linxia' ? '临县政发〔2026〕88号' : '信府字〔2026〕12号',
    decidedOn: '2026-12-14',
    winners,
    ...extra,
  });
  const all = (tenant: string) =>
    (candidates[tenant] ?? []).map((c) => ({ applicationId: c.applicationId, tier: c.tier }));

  it('bad input is a 400 problem naming the field, and nothing is recorded', async () => {
    const linxia = all('linxia');
    for (const [body, field] of [
      [{ ...act('linxia', linxia), documentNumber: '' }, 'body.documentNumber'],
      [{ ...act('linxia', linxia), decidedOn: '2026-13-01' }, 'body.decidedOn'],
      [{ ...act('linxia', linxia), winners: [] }, 'body.winners'],
      [act('linxia', [{ applicationId: 'nope', tier: 'award' }]), 'body.winners[0].applicationId'],
    ] as const) {
      const response = await call('POST', `${api('linxia')}/cycles/1/commendation-decision`, {
        token: offices.linxia,
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(fields(response)).toContain(field);
    }
    const stranger = await call('POST', `${api('linxia')}/cycles/1/commendation-decision`, {
      token: offices.linxia,
      body: act('linxia', [{ applicationId: randomUUID(), tier: 'award' }]),
    });
    expect(stranger.status).toBe(422);
    expect(fields(stranger)).toEqual(['body.winners[0].applicationId']);
    expect(
      (await call('GET', `${api('linxia')}/cycles/1/commendation-decision`, { token: offices.linxia })).status,
    ).toBe(404);
  });

  it('a hard quota is never exceeded, not even with a reason (xinzhou-district 第三条)', async () => {
    const response = await call('POST', `${api('xinzhou-district')}/cycles/1/commendation-decision`, {
      token: offices['xinzhou-district'],
      body: act('xinzhou-district', all('xinzhou-district'), {
        quotaExceedances: [{ tier: 'award', decidedBy: '区政府', reason: '四家均优秀' }],
      }),
    });

    expect(response.status).toBe(422);
    expect(fields(response)).toEqual(['body.winners[0].tier']);
    expect(JSON.stringify(response.body)).toContain('第三条');
  });

  it('an in-principle quota is exceeded only with the deciding body and its reason (linxia 第四条)', async () => {
    const without = await call('POST', `${api('linxia')}/cycles/1/commendation-decision`, {
      token: offices.linxia,
      body: act('linxia', all('linxia')),
    });
    expect(without.status).toBe(422);
    expect(fields(without)).toEqual(['body.quotaExceedances']);

    const decided = ok(
      await call('POST', `${api('linxia')}/cycles/1/commendation-decision`, {
        token: offices.linxia,
        body: act('linxia', all('linxia'), {
          quotaExceedances: [{ tier: 'award', decidedBy: '县质量强县工作领导小组', reason: '三家企业均达到评审标准' }],
        }),
      }),
      201,
    );

    expect(decided).toMatchObject({
      approvingBody: '临夏县人民政府',
      documentNumber: '临县政发〔2026〕88号',
      decidedOn: '2026-12-14',
      recordedBy: 'linxia-office',
    });
    expect(decided.quotas).toEqual([
      expect.objectContaining({
        tier: 'award',
        used: 3,
        max: 2,
        outcome: 'exceeds_in_principle',
        exceedance: { tier: 'award', decidedBy: '县质量强县工作领导小组', reason: '三家企业均达到评审标准' },
      }),
      expect.objectContaining({ tier: 'nomination', used: 1, max: 2, vacancies: 1, vacanciesAllowed: true }),
    ]);
    const titles = decided.titles as Json[];
    expect(titles).toHaveLength(4);
    expect(titles.find((t) => t.applicantName === '临夏甲建材有限公司')).toMatchObject({
      tier: 'award',
      year: 2026,
      cycleNumber: 1,
      creditCode: creditCodeFor(100),
      validFrom: '2026-12-14',
      validUntil: '2031-12-14',
      validityBasis: 'linxia 第五条',
      status: 'active',
      history: [expect.objectContaining({ action: 'grant', from: null, to: 'active', actor: 'linxia-office' })],
    });
    expect(titles.find((t) => t.tier === 'nomination')).toMatchObject({ validUntil: null });
    // The cycle's quotas count the real winners.
    const cycle = ok(await call('GET', `${api('linxia')}/cycles/1`, { token: offices.linxia }));
    expect((cycle.quotas as Json[]).map((q) => [q.tier, q.used])).toEqual([
      ['award', 3],
      ['nomination', 1],
    ]);
    // Once only.
    const again = await call('POST', `${api('linxia')}/cycles/1/commendation-decision`, {
      token: offices.linxia,
      body: act('linxia', all('linxia').slice(0, 1)),
    });
    expect(again.status).toBe(409);
  });

  it('the decision reaches the funds service once: one entitlement per winner', async () => {
    const awards = sut.awards as RunningService;
    const funds = sut.funds as RunningService;
    const [row] = await awards.runtime.database.system.$queryRawUnsafe<Json[]>(
      `SELECT id::text, tenant_id::text, subject, payload, headers FROM outbox_message WHERE subject = 'awards.award.decided.v1'`,
    );
    expect(row?.payload).toMatchObject({
      cycleNumber: 1,
      decidedOn: '2026-12-14',
      winners: expect.arrayContaining([
        expect.objectContaining({ applicantName: '临夏甲建材有限公司', tier: 'award', previousWins: 0 }),
      ]),
    });
    const entitlements = async () =>
      ok(await call('GET', `${api('linxia')}/funds/entitlements`, { token: linxiaFinance })).entitlements as Json[];
    await eventually(async () => expect(await entitlements()).toHaveLength(4), { timeoutMs: 30_000 });

    const headers = row?.headers as Json;
    const envelope = {
      id: row?.id as string,
      subject: row?.subject as string,
      tenantId: row?.tenant_id as string,
      occurredAt: headers.occurredAt as string,
      correlationId: headers.correlationId as string,
      actor: (headers.actor as never) ?? null,
      payload: row?.payload,
    };
    expect(await funds.runtime.consumers.handle('funds-award-decided', envelope as never)).toBe(false);
    await funds.runtime.consumers.handle('funds-award-decided', { ...envelope, id: randomUUID() } as never);
    expect(await entitlements()).toHaveLength(4);
    expect((await entitlements()).every((e) => e.decisionId === (row?.payload as Json | undefined)?.decisionId)).toBe(
      true,
    );
  });

  it('titles are listed and read by id; another tenant sees none of them', async () => {
    const listed = ok(await call('GET', `${api('linxia')}/titles?cycleNumber=1`, { token: offices.linxia }));
    expect((listed.items as Json[]).map((t) => t.applicantName).sort()).toEqual(
      ['临夏丁纺织有限公司', '临夏丙机械有限公司', '临夏乙食品有限公司', '临夏甲建材有限公司'].sort(),
    );
    const one = (listed.items as Json[])[0] as Json;
    expect(ok(await call('GET', `${api('linxia')}/titles/${one.id}`, { token: offices.linxia })).id).toBe(one.id);

    const other = offices['xinzhou-district'];
    expect(ok(await call('GET', `${api('xinzhou-district')}/titles`, { token: other })).items).toEqual([]);
    expect((await call('GET', `${api('xinzhou-district')}/titles/${one.id}`, { token: other })).status).toBe(404);
    expect((await call('GET', `${api('linxia')}/titles`, { token: other })).status).toBe(404);
    expect(
      (await call('GET', `${api('xinzhou-district')}/cycles/1/commendation-decision`, { token: other })).status,
    ).toBe(404);
  });

  it('within a hard quota, each tier gets its validity (xinzhou-district 第五条: 3 and 1 years)', async () => {
    const [a, b, , , e] = all('xinzhou-district');
    const decided = ok(
      await call('POST', `${api('xinzhou-district')}/cycles/1/commendation-decision`, {
        token: offices['xinzhou-district'],
        body: act('xinzhou-district', [a, b, e] as { applicationId: string; tier: string }[]),
      }),
      201,
    );
    const titles = decided.titles as Json[];
    expect(titles.find((t) => t.tier === 'award')).toMatchObject({
      validUntil: '2029-12-14',
      validityBasis: 'xinzhou-district 第五条',
    });
    expect(titles.find((t) => t.tier === 'nomination')).toMatchObject({ validUntil: '2027-12-14' });
    expect((decided.quotas as Json[]).find((q) => q.tier === 'award')).toMatchObject({ used: 2, vacancies: 1 });
  });
});
