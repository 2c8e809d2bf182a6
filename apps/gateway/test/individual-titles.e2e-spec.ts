import { randomUUID } from 'node:crypto';
import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, idNumberFor, type Json, startApplicationsPlatform } from './applications.util';

const API = '/api/v1/tenants/linxia';
const EVIDENCE = [{ title: '县纪委监委调查报告', reference: '临县纪查〔2026〕5号' }];

/**
 * Individual winners (linxia 第四条 awards 组织或个人) through the gateway and the real services: titles granted by the
 * recorded approval; a revocation of an individual's title keyed by the applicant the applications service
 * registered for the ID number — no ID number is asked for, kept or shown by the awards service (case, bans, credit
 * record); the applications' ban check reads the real history: the banned individual is refused at the next cycle
 * with the article (第三十七条, 10 years), the other winner's title is on record for the office to decide (第四条's
 * award says nothing of when a winner may apply again). Today is Monday 23 November 2026; cycle 1 was 2024.
 */
describe('individual winners: titles, revocation, bans (linxia)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  let office: string;
  const people = {
    banned: { name: '马晓东', idNumber: idNumberFor(801), applicantId: '', titleId: '' },
    winner: { name: '李秀英', idNumber: idNumberFor(802), applicantId: '', titleId: '' },
  };
  let caseId: string;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia'] });
    office = (await sut.addUser('linxia', 'office', ['office'])).token;
    const operator = await sut.login('operator');
    const tenantId = (await sut.call('GET', API, { token: operator })).body.id as string;
    const cycle = await sut.call('POST', `${API}/cycles`, {
      token: office,
      body: { year: 2024, opensOn: '2024-11-01', closesOn: '2024-12-31' },
    });
    expect(cycle.status).toBe(201);
    expect((await sut.call('POST', `${API}/cycles/1/close`, { token: office })).status).toBe(200);
    const entries = [];
    for (const [index, person] of Object.values(people).entries()) {
      const registered = await sut.call('POST', `${API}/applicants`, {
        token: office,
        body: { kind: 'individual', name: person.name, idNumber: person.idNumber, employer: '临夏县某某医院' },
      });
      expect(registered.status).toBe(201);
      person.applicantId = registered.body.id as string;
      entries.push({
        applicationId: randomUUID(),
        applicantId: person.applicantId,
        applicantName: person.name,
        applicantKind: 'individual' as const,
        position: index + 1,
        voteTier: null,
        deliberationTier: 'award',
        proposedTier: 'award',
      });
    }
    await sut.awards.runtime.consumers.handle('awards-candidate-list-published', {
      id: randomUUID(),
      subject: 'reviews.candidate-list.published.v1',
      tenantId,
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
    const decided = await sut.call('POST', `${API}/cycles/1/commendation-decision`, {
      token: office,
      body: {
        approvingBody: '临夏县人民政府',
        documentNumber: '临县政发〔2025〕2号',
        decidedOn: '2025-01-20',
        winners: entries.map((e) => ({ applicationId: e.applicationId, tier: 'award' })),
      },
    });
    expect([decided.status, decided.body.detail]).toEqual([201, undefined]);
    const titles = (await sut.call('GET', `${API}/titles?cycleNumber=1`, { token: office })).body.items as Json[];
    for (const person of Object.values(people)) {
      const title = titles.find((t) => t.applicantId === person.applicantId) as Json;
      expect(title).toMatchObject({ applicantKind: 'individual', creditCode: null, validUntil: '2030-01-20' });
      person.titleId = title.id as string;
    }
    const next = await sut.call('POST', `${API}/cycles`, {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(next.status).toBe(201);
  });
  afterAll(async () => {
    await sut?.close();
  });

  const noIdNumbers = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const person of Object.values(people)) expect(text).not.toContain(person.idNumber);
  };

  it('a revocation of an individual’s title takes no ID number: the case is about the applicant', async () => {
    const withNumber = await sut.call('POST', `${API}/revocations`, {
      token: office,
      body: {
        titleId: people.banned.titleId,
        identity: { kind: 'individual', idNumber: people.banned.idNumber },
        ground: 'fraud_or_bribery',
        eventOn: '2026-10-10',
        description: '申报期间向评审人员行贿',
        evidence: EVIDENCE,
      },
    });
    expect(withNumber.status).toBe(400);
    expect(JSON.stringify(withNumber.body)).toContain('identity');
    const opened = await sut.call('POST', `${API}/revocations`, {
      token: office,
      body: {
        titleId: people.banned.titleId,
        ground: 'fraud_or_bribery',
        eventOn: '2026-10-10',
        description: '申报期间向评审人员行贿',
        evidence: EVIDENCE,
      },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.subject).toMatchObject({
      applicantName: '马晓东',
      identity: { kind: 'individual', applicantId: people.banned.applicantId },
    });
    caseId = opened.body.id as string;
    noIdNumbers(opened.body);
  });

  it('approved: 第三十七条’s consequences, a ban of 10 years on the applicant; no ID number on any record', async () => {
    const approved = await sut.call('POST', `${API}/revocations/${caseId}/approve`, {
      token: office,
      body: { body: '临夏县人民政府', documentNumber: '临县政发〔2026〕60号', approvedOn: '2026-11-20' },
    });
    expect(approved.status).toBe(200);
    expect((approved.body.steps as Json[]).find((s) => s.kind === 'ban')).toMatchObject({
      basis: 'linxia 第三十七条',
    });
    const bans = await sut.call('GET', `${API}/bans`, { token: office });
    expect(bans.body.bans).toEqual([
      expect.objectContaining({
        identity: { kind: 'individual', applicantId: people.banned.applicantId },
        unit: 'years',
        count: 10,
        basis: 'linxia 第三十七条',
      }),
    ]);
    noIdNumbers(bans.body);
    noIdNumbers((await sut.call('GET', '/api/v1/public/linxia/credit-record')).body);
    const stored = await sut.awards.runtime.database.system.$queryRawUnsafe<{ v: string }[]>(
      'SELECT identity_value AS v FROM revocation_case UNION ALL SELECT identity_value FROM application_ban',
    );
    noIdNumbers(stored);
  });

  it('the banned individual is refused at the next cycle with the article', async () => {
    const refused = await sut.call('POST', `${API}/applications`, {
      token: office,
      body: { applicantId: people.banned.applicantId, cycleNumber: 2, facts: { incidents: [] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.basis).toBe('linxia 第三十七条');
    expect(refused.body.allowedFrom).toMatchObject({ year: 2036 });
  });

  it('the other winner’s title is on record: the ban check reads it (第四条: when a winner may apply again is the office’s)', async () => {
    const applied = await sut.call('POST', `${API}/applications`, {
      token: office,
      body: { applicantId: people.winner.applicantId, cycleNumber: 2, facts: { incidents: [] } },
    });
    expect(applied.status).toBe(201);
    expect(applied.body.banChecks).toEqual([
      expect.objectContaining({
        step: 'application',
        outcome: 'needs_decision',
        reasons: expect.objectContaining({ zh: expect.stringContaining('获得2024年（第1届）县政府质量奖') }),
      }),
    ]);
    noIdNumbers(applied.body.banChecks);
  });
});
