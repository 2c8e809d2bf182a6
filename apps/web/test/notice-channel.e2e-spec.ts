import { randomUUID } from 'node:crypto';
import { TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  type Json,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * Where a candidate notice is published, as the policy says, shown with the notice to the public (API and page, in
 * Chromium): xinzhou-city 第十八条 first in the applicant's locality or industry, then 第十九条 the proposed winners
 * city-wide, each 5 working days; xinzhou-district 第十四条 7 days on the district government's disclosure platform.
 * The notices are opened by the awards service from its recorded candidate list through the objections service.
 */
describe('web: a notice shows where it is published (xinzhou-city 第十八、十九条; xinzhou-district 第十四条)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const office: Record<string, string> = {};
  const notices: Record<string, string> = {};

  /** One candidate on the tenant's recorded list, as the reviews service publishes it. */
  const listOf = async (tenant: string, name: string, code: number) => {
    const operator = await sut.login('operator');
    const tenantId = (await sut.call('GET', `/api/v1/tenants/${tenant}`, { token: operator })).body.id as string;
    const applicant = await sut.call('POST', `/api/v1/tenants/${tenant}/applicants`, {
      token: office[tenant],
      body: { kind: 'organisation', name, creditCode: creditCodeFor(code), legalForm: 'legal_person' },
    });
    if (applicant.status !== 201) throw new Error(`applicant: ${JSON.stringify(applicant.body)}`);
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
        stages: ['candidates'],
        entries: [
          {
            applicationId: randomUUID(),
            applicantId: applicant.body.id,
            applicantName: name,
            applicantKind: 'organisation',
            position: 1,
            voteTier: null,
            deliberationTier: 'award',
            proposedTier: 'award',
          },
        ],
        basis: '第十八条',
        publishedBy: 'office',
        publishedAt: clock.now().toISOString(),
      },
    } as never);
  };
  const openNotice = async (tenant: string, stage: string) => {
    const opened = await sut.call('POST', `/api/v1/tenants/${tenant}/cycles/1/candidate-notices`, {
      token: office[tenant],
      body: { stage },
    });
    if (opened.status !== 201) throw new Error(`${tenant} ${stage}: ${opened.status} ${JSON.stringify(opened.body)}`);
    return (opened.body.notice as Json).id as string;
  };
  const publicNotice = async (tenant: string, id: string) =>
    (await sut.call('GET', `/api/v1/public/${tenant}/notices/${id}`)).body;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city', 'xinzhou-district'], funds: false });
    for (const tenant of ['xinzhou-city', 'xinzhou-district']) {
      office[tenant] = (await sut.addUser(tenant, `${tenant}-office`, ['office'])).token;
      const cycle = await sut.call('POST', `/api/v1/tenants/${tenant}/cycles`, {
        token: office[tenant],
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-11-30' },
      });
      if (cycle.status !== 201) throw new Error(`cycle ${tenant}: ${JSON.stringify(cycle.body)}`);
      await sut.objectionRulesReady(tenant, office[tenant] as string);
    }
    await listOf('xinzhou-city', '忻州示范机械有限公司', 601);
    await listOf('xinzhou-district', '信州示范光学有限公司', 602);
    browser = await launchBrowser();
    page = await browser.page();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('xinzhou-city: the candidate notice first in the locality or industry (第十八条)', async () => {
    notices.candidates = await openNotice('xinzhou-city', 'candidates');
    expect(await publicNotice('xinzhou-city', notices.candidates)).toMatchObject({
      stage: 'candidates',
      period: { count: 5, unit: 'working_days' },
      channel: { zh: '本地区、本行业内', basis: 'xinzhou-city 第十八条' },
    });
    await page.goto(`${sut.gateway.url}/p/xinzhou-city/notices/${notices.candidates}`);
    await page.getByText('忻州示范机械有限公司').first().waitFor();
    expect(await page.getByTestId('notice-channel').textContent()).toBe(
      '本地区、本行业内（依据：xinzhou-city 第十八条）',
    );
    await browser.screenshot(page, 'notice-channel-01-xinzhou-city-candidates');
  });

  it('then the proposed winners city-wide (第十九条), after the first notice closed', async () => {
    await sut.settle('2026-11-30T16:00:00Z'); // after 24:00 of Monday 30 November, the first notice's last day
    notices.winners = await openNotice('xinzhou-city', 'proposed_winners');
    const winners = await publicNotice('xinzhou-city', notices.winners);
    expect(winners).toMatchObject({
      stage: 'proposed_winners',
      channel: { zh: '全市范围内', en: 'City-wide', basis: 'xinzhou-city 第十九条' },
      entries: [expect.objectContaining({ subjectName: '忻州示范机械有限公司' })],
    });
    expect((await publicNotice('xinzhou-city', notices.candidates as string)).status).toBe('closed');
    await page.goto(`${sut.gateway.url}/p/xinzhou-city/notices/${notices.winners}`);
    await page.getByText('忻州示范机械有限公司').first().waitFor();
    expect(await page.getByTestId('notice-channel').textContent()).toBe('全市范围内（依据：xinzhou-city 第十九条）');
    await browser.screenshot(page, 'notice-channel-02-xinzhou-city-proposed-winners');
  });

  it('xinzhou-district: 7 days on the district government’s disclosure platform (第十四条)', async () => {
    const id = await openNotice('xinzhou-district', 'candidates');
    expect(await publicNotice('xinzhou-district', id)).toMatchObject({
      period: { count: 7, unit: 'calendar_days' },
      channel: { zh: '信州区人民政府信息公开平台', basis: 'xinzhou-district 第十四条' },
    });
    await page.goto(`${sut.gateway.url}/p/xinzhou-district/notices/${id}`);
    await page.getByText('信州示范光学有限公司').first().waitFor();
    expect(await page.getByTestId('notice-channel').textContent()).toContain('信州区人民政府信息公开平台');
    await browser.screenshot(page, 'notice-channel-03-xinzhou-district');
    expect(browser.errors).toEqual([]);
  });
});
