import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { creditCodeFor, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * Background clearance (征求意见, xinzhou-city 第十八条) through the real services: departments are tenant data with
 * accounts (role `department`); the office opens clearance for an enterprise candidate and every department the
 * article names for enterprises is asked (public security, HR and social security, ecology and environment,
 * emergency management, market regulation, taxation); a department answers a concern, which holds the candidate
 * at approval until the office records the leading group's decision; an unanswered request is reminded the day
 * before and overdue after its due day on the test clock; another tenant sees nothing.
 */
describe('awards: background clearance (xinzhou-city)', () => {
  let sut: ApplicationsPlatform;
  // Monday 16 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-16T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/xinzhou-city';
  let office: string;
  let police: string;
  let tax: string;
  let otherOffice: string;
  const A = { applicationId: randomUUID(), name: '忻州甲煤机有限公司' };
  const B = { applicationId: randomUUID(), name: '忻州乙杂粮有限公司' };
  const KEYS: [string, string][] = [
    ['public_security', '忻州市公安局'],
    ['human_resources', '忻州市人力资源和社会保障局'],
    ['ecology_environment', '忻州市生态环境局'],
    ['emergency_management', '忻州市应急管理局'],
    ['market_regulation', '忻州市市场监督管理局'],
    ['taxation', '国家税务总局忻州市税务局'],
  ];
  const departmentUsers: Record<string, string> = {};

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fields = (response: { body: Json }) => ((response.body.errors as Json[]) ?? []).map((e) => e.field);
  const requests = async (token = office) =>
    ok(await call('GET', `${api}/clearance-requests?cycleNumber=1`, { token })).items as Json[];
  const department = (key: string) =>
    call('POST', `${api}/departments`, {
      token: office,
      body: {
        key,
        name: KEYS.find(([k]) => k === key)?.[1],
        userIds: departmentUsers[key] ? [departmentUsers[key]] : [],
      },
    });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city', 'linxia'], funds: false });
    const operator = await sut.login('operator');
    const tenantId = ok(await call('GET', api, { token: operator })).id as string;
    office = (await sut.addUser('xinzhou-city', 'xc-office', ['office'])).token;
    otherOffice = (await sut.addUser('linxia', 'lx-office', ['office'])).token;
    const policeUser = await sut.addUser('xinzhou-city', 'xc-police', ['department']);
    const taxUser = await sut.addUser('xinzhou-city', 'xc-tax', ['department']);
    police = policeUser.token;
    tax = taxUser.token;
    departmentUsers.public_security = policeUser.id;
    departmentUsers.taxation = taxUser.id;
    ok(
      await call('POST', `${api}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-11-30' },
      }),
      201,
    );
    const entries = [];
    for (const [index, c] of [A, B].entries()) {
      const applicant = ok(
        await call('POST', `${api}/applicants`, {
          token: office,
          body: {
            kind: 'organisation',
            name: c.name,
            creditCode: creditCodeFor(300 + index),
            legalForm: 'legal_person',
          },
        }),
        201,
      );
      entries.push({
        applicationId: c.applicationId,
        applicantId: applicant.id as string,
        applicantName: c.name,
        applicantKind: 'organisation' as const,
        position: index + 1,
        voteTier: null,
        deliberationTier: null,
        proposedTier: 'award',
      });
    }
    // The candidate list as the reviews service publishes it (the journey that makes it is in reviews-votes).
    await (sut.awards as RunningService).runtime.consumers.handle('awards-candidate-list-published', {
      id: randomUUID(),
      subject: 'reviews.candidate-list.published.v1',
      tenantId,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: null,
      payload: {
        id: randomUUID(),
        cycleNumber: 1,
        stages: ['candidates'],
        entries,
        basis: '第十八条',
        publishedBy: 'xc-office',
        publishedAt: clock.now().toISOString(),
      },
    } as never);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('refuses to open clearance until every department the article names is registered', async () => {
    ok(await department('public_security'), 201);

    const response = await call('POST', `${api}/cycles/1/clearance`, {
      token: office,
      body: { applicationId: A.applicationId, category: 'enterprise', dueOn: '2026-11-20' },
    });

    expect(response.status).toBe(422);
    expect(fields(response)).toEqual(Array(5).fill('departments'));
    expect(JSON.stringify(response.body)).toContain('taxation');
    expect(await requests()).toEqual([]);
  });

  it('asks each department xinzhou-city 第十八条 names for an enterprise, once', async () => {
    for (const [key] of KEYS.slice(1)) ok(await department(key), 201);
    expect((await department('taxation')).status).toBe(409);

    const body = { applicationId: A.applicationId, category: 'enterprise', dueOn: '2026-11-20' };
    const opened = ok(await call('POST', `${api}/cycles/1/clearance`, { token: office, body }), 201).items as Json[];
    ok(await call('POST', `${api}/cycles/1/clearance`, { token: office, body }), 201);
    ok(
      await call('POST', `${api}/cycles/1/clearance`, {
        token: office,
        body: { ...body, applicationId: B.applicationId },
      }),
      201,
    );

    expect(opened.map((r) => (r.department as Json).key).sort()).toEqual(KEYS.map(([k]) => k).sort());
    expect(opened.every((r) => r.status === 'pending' && r.basis === 'xinzhou-city 第十八条')).toBe(true);
    expect(await requests()).toHaveLength(12);
  });

  it('bad input is a 4xx naming the field', async () => {
    const bad = await call('POST', `${api}/cycles/1/clearance`, {
      token: office,
      body: { applicationId: A.applicationId, category: 'ngo', dueOn: '2026-11-20' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['body.category']);
    const stranger = await call('POST', `${api}/cycles/1/clearance`, {
      token: office,
      body: { applicationId: randomUUID(), category: 'enterprise', dueOn: '2026-11-20' },
    });
    expect(stranger.status).toBe(422);
    expect(fields(stranger)).toEqual(['body.applicationId']);
  });

  it('a department answers only its own requests; a concern needs reasons and holds the candidate', async () => {
    const own = (await requests(police)) as Json[];
    expect(own.every((r) => (r.department as Json).key === 'public_security')).toBe(true);
    expect(own).toHaveLength(2);
    const aPolice = own.find((r) => r.applicationId === A.applicationId) as Json;
    const aTax = (await requests(tax)).find((r) => r.applicationId === A.applicationId) as Json;

    expect(
      (await call('POST', `${api}/clearance-requests/${aPolice.id}/answer`, { token: tax, body: { outcome: 'clear' } }))
        .status,
    ).toBe(403);
    const noReasons = await call('POST', `${api}/clearance-requests/${aPolice.id}/answer`, {
      token: police,
      body: { outcome: 'concern' },
    });
    expect(noReasons.status).toBe(400);
    expect(fields(noReasons)).toEqual(['body.reasons']);

    const concern = ok(
      await call('POST', `${api}/clearance-requests/${aPolice.id}/answer`, {
        token: police,
        body: { outcome: 'concern', reasons: '该企业法定代表人2025年涉嫌非法占用农用地，案件在查' },
      }),
    );
    expect(concern).toMatchObject({ status: 'concern', answeredBy: 'xc-police' });
    ok(await call('POST', `${api}/clearance-requests/${aTax.id}/answer`, { token: tax, body: { outcome: 'clear' } }));
    expect(
      (await call('POST', `${api}/clearance-requests/${aTax.id}/answer`, { token: tax, body: { outcome: 'clear' } }))
        .status,
    ).toBe(409);

    const held = await call('POST', `${api}/cycles/1/commendation-decision`, {
      token: office,
      body: {
        approvingBody: '忻州市人民政府',
        documentNumber: '忻政发〔2026〕30号',
        decidedOn: '2026-11-27',
        winners: [{ applicationId: A.applicationId, tier: 'award' }],
      },
    });
    expect(held.status).toBe(422);
    expect(fields(held)).toEqual(['body.winners[0].applicationId']);
    expect(JSON.stringify(held.body)).toContain('待领导小组决定');
  });

  it('an unanswered request is reminded the day before and overdue after its due day', async () => {
    await sut.settle('2026-11-19T17:00:00Z');
    await eventually(async () => {
      const waiting = (await requests()).filter((r) => r.status === 'pending');
      expect(waiting.length).toBeGreaterThan(0);
      expect(waiting.every((r) => r.remindedAt !== null)).toBe(true);
    });
    await sut.settle('2026-11-20T17:00:00Z');
    await eventually(async () => {
      const all = await requests();
      expect(all.filter((r) => r.status === 'overdue')).toHaveLength(10);
      expect(all.filter((r) => r.status === 'pending')).toHaveLength(0);
    });
    const late = (await requests(police)).find((r) => r.applicationId === B.applicationId) as Json;
    expect(late.status).toBe('overdue');
    const answered = ok(
      await call('POST', `${api}/clearance-requests/${late.id}/answer`, { token: police, body: { outcome: 'clear' } }),
    );
    expect(answered).toMatchObject({ status: 'cleared' });
  });

  it('the office records the leading group upholding the concern: the candidate is removed; the other is approved', async () => {
    const aPolice = (await requests()).find(
      (r) => r.applicationId === A.applicationId && (r.department as Json).key === 'public_security',
    ) as Json;
    const noReason = await call('POST', `${api}/clearance-requests/${aPolice.id}/decision`, {
      token: office,
      body: { outcome: 'upheld', decidedOn: '2026-11-23' },
    });
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toEqual(['body.reason']);
    ok(
      await call('POST', `${api}/clearance-requests/${aPolice.id}/decision`, {
        token: office,
        body: { outcome: 'upheld', decidedOn: '2026-11-23', reason: '领导小组第3次会议：案件未结，暂不列入' },
      }),
    );
    const act = (winners: Json[]) => ({
      approvingBody: '忻州市人民政府',
      documentNumber: '忻政发〔2026〕30号',
      decidedOn: '2026-11-27',
      winners,
    });
    const removed = await call('POST', `${api}/cycles/1/commendation-decision`, {
      token: office,
      body: act([{ applicationId: A.applicationId, tier: 'award' }]),
    });
    expect(removed.status).toBe(422);
    expect(JSON.stringify(removed.body)).toContain('领导小组已采纳');

    const decided = ok(
      await call('POST', `${api}/cycles/1/commendation-decision`, {
        token: office,
        body: act([{ applicationId: B.applicationId, tier: 'award' }]),
      }),
      201,
    );
    expect((decided.titles as Json[]).map((t) => t.applicantName)).toEqual([B.name]);
  });

  it('another tenant sees no department nor request, and a department account cannot open or decide', async () => {
    expect(ok(await call('GET', '/api/v1/tenants/linxia/clearance-requests', { token: otherOffice })).items).toEqual(
      [],
    );
    expect(ok(await call('GET', '/api/v1/tenants/linxia/departments', { token: otherOffice })).items).toEqual([]);
    const some = (await requests())[0] as Json;
    expect(
      (
        await call('POST', `/api/v1/tenants/linxia/clearance-requests/${some.id}/decision`, {
          token: otherOffice,
          body: { outcome: 'dismissed', decidedOn: '2026-11-23', reason: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('POST', `${api}/cycles/1/clearance`, {
          token: police,
          body: { applicationId: A.applicationId, category: 'enterprise', dueOn: '2026-11-25' },
        })
      ).status,
    ).toBe(403);
  });
});
