import { anApplication, anOrganisation, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * A rule the regulation leaves to people is decided by the body it names, recorded with who, when and why:
 * xinzhou-city 第十条 lets the leading group, not the office, waive the three years of operation.
 */
describe('decisions on conditions left to people, by the body the rule names (xinzhou-city 第十条)', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/xinzhou-city';
  const tokens = { office: '', leadingGroup: '' };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city'] });
    tokens.office = (await sut.addUser('xinzhou-city', 'xz-office', ['office'])).token;
    tokens.leadingGroup = (await sut.addUser('xinzhou-city', 'xz-leading', ['leading_group'])).token;
    const cycle = await sut.call('POST', `${api}/cycles`, {
      token: tokens.office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(cycle.status).toBe(201);
  }, 120000);
  afterAll(async () => {
    await sut?.close();
  });

  it('refuses the office’s waiver with the article and records the leading group’s', async () => {
    const applicant = await sut.call('POST', `${api}/applicants`, {
      token: tokens.office,
      body: anOrganisation('xinzhou-city', 7001),
    });
    expect(applicant.status).toBe(201);
    const created = await sut.call('POST', `${api}/applications`, {
      token: tokens.office,
      body: anApplication('xinzhou-city', applicant.body.id as string, {
        facts: { registeredInJurisdiction: true, yearsOperating: 2, incidents: [] },
      }),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const finding = (created.body.eligibility as { findings: Json[] }).findings.find(
      (f) => f.ruleId === 'years-operating',
    );
    expect(finding).toMatchObject({ outcome: 'needs_decision', basis: '第十条' });

    const body = {
      ruleId: 'years-operating',
      outcome: 'pass',
      reason: '对忻州质量发展作出突出贡献，经领导小组研究同意放宽',
    };
    const byOffice = await sut.call('POST', `${api}/applications/${id}/decisions`, { token: tokens.office, body });
    expect(byOffice.status).toBe(403);
    expect(byOffice.headers.get('content-type')).toContain('application/problem+json');
    expect(byOffice.body).toMatchObject({ basis: 'xinzhou-city 第十条', detail: expect.stringContaining('领导小组') });

    const byLeadingGroup = await sut.call('POST', `${api}/applications/${id}/decisions`, {
      token: tokens.leadingGroup,
      body,
    });
    expect(byLeadingGroup.status).toBe(200);
    const decided = (byLeadingGroup.body.eligibility as { findings: Json[] }).findings.find(
      (f) => f.ruleId === 'years-operating',
    );
    expect(decided).toMatchObject({
      outcome: 'pass',
      decision: { outcome: 'pass', decidedBy: 'xz-leading', reason: expect.stringContaining('放宽') },
    });
    // The leading group reads the application it decided on; the audit trail names the article.
    expect((await sut.call('GET', `${api}/applications/${id}`, { token: tokens.leadingGroup })).status).toBe(200);
  });
});
