import { eventually, extractPdfTextCompact, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';
import { grantTitle } from './post-award.util';

/**
 * After the award, through the gateway and the real services on a test clock: a linxia title (granted by the
 * recorded approval) gets its certificate, which the holder downloads as a PDF whose text is Chinese and
 * whose QR page says valid; its duties are planned (linxia 第三十二条: a self-assessment every July), reminded, overdue
 * and escalated to the office even after Redis lost every job, then submitted late by the holder; revoked, the
 * public page names the revocation's act.
 */
describe('post-award: certificates, public verification and duties through the gateway', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-01T02:00:00Z');
  const api = '/api/v1/tenants/linxia';
  let titleId: string;
  let office: string;
  let holder: string;
  let stranger: string;
  let applicantId: string;
  let number: string;

  const pdf = async (path: string, token: string) => {
    const response = await fetch(`${sut.gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  const duties = async (token: string, query: string) => {
    const response = await sut.call('GET', `${api}/duties?${query}`, { token });
    expect(response.status).toBe(200);
    return response.body.items as Json[];
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia', 'ili'] });
    office = (await sut.addUser('linxia', 'office', ['office'])).token;
    holder = (await sut.addUser('linxia', 'org-a', ['applicant'])).token;
    stranger = (await sut.addUser('linxia', 'org-b', ['applicant'])).token;
    const registered = await sut.call('POST', `${api}/applicants`, {
      token: holder,
      body: {
        kind: 'organisation',
        name: '临夏县某某食品有限公司',
        creditCode: creditCodeFor(11),
        legalForm: 'legal_person',
      },
    });
    expect(registered.status).toBe(201);
    applicantId = registered.body.id as string;
    await sut.call('POST', `${api}/applicants`, {
      token: stranger,
      body: { kind: 'organisation', name: '临夏县另一公司', creditCode: creditCodeFor(12), legalForm: 'legal_person' },
    });
    titleId = await grantTitle(sut, clock, {
      tenant: 'linxia',
      office,
      applicantId,
      name: '临夏县某某食品有限公司',
      decidedOn: '2026-12-01',
      documentNumber: '临县政发〔2026〕41号',
    });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('the office issues the certificate; the holder downloads it as a PDF whose text extracts in Chinese', async () => {
    const issued = await sut.call('POST', `${api}/titles/${titleId}/certificate`, { token: office });
    expect(issued.status).toBe(201);
    number = issued.body.number as string;
    expect(number).toMatch(/^2026-0001-[2-9A-HJKMNP-Z]{6}$/);
    expect((await sut.call('POST', `${api}/titles/${titleId}/certificate`, { token: holder })).status).toBe(403);

    const holdings = await sut.call('GET', `${api}/applicants/${applicantId}/titles`, { token: holder });
    expect(holdings.status).toBe(200);
    expect(holdings.body.items).toEqual([
      expect.objectContaining({
        title: expect.objectContaining({ id: titleId }),
        certificate: expect.objectContaining({ number }),
      }),
    ]);

    const document = await pdf(`${api}/titles/${titleId}/certificate/pdf`, holder);
    expect(document).toMatchObject({ status: 200, type: 'application/pdf' });
    const { text } = await extractPdfTextCompact(document.bytes);
    expect(text).toContain('荣誉证书');
    expect(text).toContain('临夏县某某食品有限公司');
    expect(text).toContain('临县政发〔2026〕41号');
    expect(text).toContain(`${sut.gateway.url}/p/linxia/certificates/${number}`);
  });

  it('another applicant account sees neither the certificate nor the holder’s titles', async () => {
    expect((await pdf(`${api}/titles/${titleId}/certificate/pdf`, stranger)).status).toBe(404);
    expect((await sut.call('GET', `${api}/applicants/${applicantId}/titles`, { token: stranger })).status).toBe(404);
  });

  it('the public page says valid without personal data; another tenant does not know the number; bad numbers are 400', async () => {
    const answer = await sut.call('GET', `/api/v1/public/linxia/certificates/${number}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      verdict: 'valid',
      holder: { kind: 'organisation', name: '临夏县某某食品有限公司' },
    });
    expect(JSON.stringify(answer.body)).not.toContain(creditCodeFor(11));
    expect(answer.headers.get('x-ratelimit-limit')).not.toBeNull();
    expect((await sut.call('GET', `/api/v1/public/ili/certificates/${number}`)).status).toBe(404);
    const bad = await sut.call('GET', '/api/v1/public/linxia/certificates/2026-1-O');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('number');
  });

  it('the approval planned the title’s duties: a July self-assessment each year of the title, the notice of major changes', async () => {
    const planned = await sut.call('POST', `${api}/titles/${titleId}/duties`, { token: office });
    expect(planned.status).toBe(200);
    const items = planned.body.items as Json[];
    expect(items.filter((duty) => duty.key === 'self-assessment').map((duty) => duty.dueDate)).toEqual([
      '2027-07-31',
      '2028-07-31',
      '2029-07-31',
      '2030-07-31',
      '2031-07-31',
    ]);
    expect(items.find((duty) => duty.key === 'quality-model-change')).toMatchObject({
      kind: 'event_notice',
      dueDate: null,
    });
    // Planning again adds nothing.
    expect(
      ((await sut.call('POST', `${api}/titles/${titleId}/duties`, { token: office })).body.items as Json[]).length,
    ).toBe(6);
  });

  it('a July self-assessment is reminded, then overdue and escalated to the office — though Redis lost every job', async () => {
    await sut.infra.flushRedis();
    await sut.settle('2027-06-30T16:00:00Z'); // 2027-07-01 00:00 Asia/Shanghai: 30 days before
    const first = async () =>
      (await duties(holder, `applicantId=${applicantId}&titleId=${titleId}`)).find(
        (duty) => duty.key === 'self-assessment' && duty.sequence === 1,
      ) as Json;
    await expectEventually(async () =>
      expect((await first()).reminders).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'reminder', daysBefore: 30, firedAt: expect.any(String) }),
        ]),
      ),
    );
    expect((await first()).status).toBe('open');

    await sut.infra.flushRedis();
    await sut.settle('2027-07-31T16:00:00Z'); // 2027-08-01 00:00: overdue
    await expectEventually(async () => expect((await first()).status).toBe('overdue'));
    const escalated = await duties(office, 'status=overdue');
    expect(escalated).toEqual([
      expect.objectContaining({ titleId, key: 'self-assessment', sequence: 1, basis: '第三十二条' }),
    ]);
  });

  it('the holder submits it late; short text is refused naming the field; the office cannot submit for it', async () => {
    const duty = (await duties(office, 'status=overdue'))[0] as Json;
    const short = await sut.call('POST', `${api}/duties/${duty.id}/submission`, {
      token: holder,
      body: { submission: '短' },
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('submission');
    expect(
      (
        await sut.call('POST', `${api}/duties/${duty.id}/submission`, {
          token: office,
          body: { submission: '代为报送的自评报告内容' },
        })
      ).status,
    ).toBe(403);
    const submitted = await sut.call('POST', `${api}/duties/${duty.id}/submission`, {
      token: holder,
      body: { submission: '2027年度自评报告：质量管理体系运行情况、主要指标完成情况及改进计划。' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', overdueAt: expect.any(String) });
    expect(await duties(office, 'status=overdue')).toEqual([]);
  });

  it('once a revocation is approved (h-revoke’s case), the public page says revoked with the body, 文号 and date', async () => {
    const opened = await sut.call('POST', `${api}/revocations`, {
      token: office,
      body: {
        titleId,
        ground: 'fraud_or_bribery',
        eventOn: '2027-06-10',
        description: '申报期间向评审人员行贿',
        evidence: [{ title: '县纪委监委调查报告', reference: '临县纪查〔2027〕3号' }],
      },
    });
    expect(opened.status).toBe(201);
    const approved = await sut.call('POST', `${api}/revocations/${opened.body.id}/approve`, {
      token: office,
      body: { body: '临夏县人民政府', documentNumber: '临县政发〔2027〕9号', approvedOn: '2027-08-01' },
    });
    expect(approved.status).toBe(200);
    const answer = await sut.call('GET', `/api/v1/public/linxia/certificates/${number}`);
    expect(answer.body).toMatchObject({
      verdict: 'revoked',
      decision: {
        kind: 'revocation',
        body: '临夏县人民政府',
        documentNumber: '临县政发〔2027〕9号',
        decidedOn: '2027-08-01',
      },
    });
    expect(JSON.stringify(answer.body)).not.toContain(creditCodeFor(11));
  });
});

const expectEventually = (check: () => Promise<void>) => eventually(check, { timeoutMs: 15000 });
