import { loadLaunchPolicy } from '@laurel/policy';
import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { titlesOfCycleOne } from './titles.util';

const ILI = '/api/v1/tenants/ili';
const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };
const EVIDENCE = [{ title: '州纪委监委调查报告', reference: '伊纪查〔2026〕7号' }];

/**
 * A permanent ban (不再受理) and the duty to stop using the title, as a policy version states them (ili's fraud rule
 * changed in version 2): the revocation records both as steps with the article, the ban has no year to apply again,
 * and the applicant is refused at the next cycle with no cycle named.
 */
describe('a permanent ban and the duty to stop using the title, through revocation and the ban check', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  let office: string;
  let titles: Awaited<ReturnType<typeof titlesOfCycleOne>> = {};

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    office = (await sut.addUser('ili', 'office', ['office'])).token;
    const operator = await sut.login('operator');
    const tenantId = ok(await call('GET', ILI, { token: operator })).id as string;
    const v2 = structuredClone(loadLaunchPolicy('ili'));
    (v2 as { version: number }).version = 2;
    const fraud = v2.consequences.find((rule) => rule.id === 'fraud-or-bribery');
    if (!fraud) throw new Error('ili names fraud');
    fraud.actions.ban = { unit: 'permanent', from: 'decision_year' };
    fraud.actions.stopUsingTitle = true;
    ok(await call('PUT', `${ILI}/policy`, { token: operator, body: { policy: v2 } }));
    ok(
      await call('POST', `${ILI}/cycles`, {
        token: office,
        body: { year: 2024, opensOn: '2024-12-20', closesOn: '2025-02-28' },
      }),
      201,
    );
    ok(await call('POST', `${ILI}/cycles/1/close`, { token: office }));
    titles = await titlesOfCycleOne(sut, { key: 'ili', id: tenantId, office }, [{ name: '伊犁戊公司', code: 4111 }], {
      approvingBody: '伊犁哈萨克自治州人民政府',
      documentNumber: '伊州政发〔2025〕3号',
      decidedOn: '2025-06-01',
    });
    ok(
      await call('POST', `${ILI}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('records the duty and the permanent ban as steps, and refuses the applicant for good', async () => {
    const opened = ok(
      await call('POST', `${ILI}/revocations`, {
        token: office,
        body: {
          titleId: titles['伊犁戊公司']?.titleId,
          ground: 'fraud_or_bribery',
          eventOn: '2026-11-10',
          description: '申报期间向评审人员行贿',
          evidence: EVIDENCE,
        },
      }),
      201,
    );
    const approved = ok(
      await call('POST', `${ILI}/revocations/${opened.id}/approve`, {
        token: office,
        body: { body: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政函〔2026〕89号', approvedOn: '2026-11-23' },
      }),
    );
    const steps = approved.steps as Json[];
    expect(steps.map((s) => s.kind)).toEqual([
      'revoke',
      'recover_certificate_and_plaque',
      'stop_using_title',
      'ban',
      'credit_record',
      'publish',
    ]);
    expect(steps[2]?.detail).toMatchObject({ from: '2026-11-23' });
    expect(steps[3]?.detail).toEqual({ unit: 'permanent', count: null, startYear: 2026, allowedFromYear: null });
    const bans = ok(await call('GET', `${ILI}/bans`, { token: office })).bans as Json[];
    expect(bans).toEqual([expect.objectContaining({ unit: 'permanent', count: null, allowedFromYear: null })]);

    const refused = await call('POST', `${ILI}/applications`, {
      token: office,
      body: { applicantId: titles['伊犁戊公司']?.applicantId, cycleNumber: 2, facts: ELIGIBLE_FACTS },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/不再受理其申报/);
    expect(refused.body.allowedFrom).toBeNull();
  });
});
