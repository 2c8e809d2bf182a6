import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { creditCodeFor, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * Background clearance in the browser (xinzhou-city 第十八条): the public security bureau's account signs in, lands on
 * its department portal and raises a concern about a candidate with its reasons; the office sees the concern on its
 * clearance page, records the leading group's decision upholding it, and the approval page refuses the candidate.
 */
describe('web: a department raises a concern, the office records the leading group’s decision (xinzhou-city)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  const clock = new TestClock('2026-11-16T02:00:00Z');
  const api = '/api/v1/tenants/xinzhou-city';
  const candidate = { applicationId: randomUUID(), name: '忻州甲煤机有限公司' };

  const signIn = async (username: string, landing: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`**${landing}`);
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city'] });
    const office = (await sut.addUser('xinzhou-city', 'xc-office', ['office'])).token;
    const police = await sut.addUser('xinzhou-city', 'xc-police', ['department']);
    const operator = await sut.login('operator');
    const tenantId = (await sut.call('GET', api, { token: operator })).body.id as string;
    const must = (r: { status: number; body: unknown }, status = 201) => {
      if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body as Record<string, unknown>;
    };
    must(
      await sut.call('POST', `${api}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-11-30' },
      }),
    );
    const departments: [string, string, string[]][] = [
      ['public_security', '忻州市公安局', [police.id]],
      ['human_resources', '忻州市人力资源和社会保障局', []],
      ['ecology_environment', '忻州市生态环境局', []],
      ['emergency_management', '忻州市应急管理局', []],
      ['market_regulation', '忻州市市场监督管理局', []],
      ['taxation', '国家税务总局忻州市税务局', []],
    ];
    for (const [key, name, userIds] of departments)
      must(await sut.call('POST', `${api}/departments`, { token: office, body: { key, name, userIds } }));
    const applicant = must(
      await sut.call('POST', `${api}/applicants`, {
        token: office,
        body: { kind: 'organisation', name: candidate.name, creditCode: creditCodeFor(400), legalForm: 'legal_person' },
      }),
    );
    // The candidate list as the reviews service publishes it (the vote and deliberation are in their own journeys).
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
        entries: [
          {
            applicationId: candidate.applicationId,
            applicantId: applicant.id as string,
            applicantName: candidate.name,
            applicantKind: 'organisation',
            position: 1,
            voteTier: null,
            deliberationTier: null,
            proposedTier: 'award',
          },
        ],
        basis: '第十八条',
        publishedBy: 'xc-office',
        publishedAt: clock.now().toISOString(),
      },
    } as never);
    must(
      await sut.call('POST', `${api}/cycles/1/clearance`, {
        token: office,
        body: { applicationId: candidate.applicationId, category: 'enterprise', dueOn: '2026-11-20' },
      }),
    );
    browser = await launchBrowser();
    page = await browser.page();
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the department signs in to its portal and raises a concern with its reasons', async () => {
    await signIn('xc-police', '/department/xinzhou-city');
    const row = page.getByRole('row', { name: new RegExp(candidate.name) });
    await row.getByText('待答复').waitFor();
    await row.getByRole('button', { name: '提出意见' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('该企业法定代表人涉嫌非法占用农用地，案件在查');
    await dialog.getByRole('button', { name: /提交意见/ }).click();
    await row.getByText('有意见·待领导小组决定').waitFor();
    await browser.screenshot(page, '60-department-concern');
  });

  it('the office sees the concern, records the leading group upholding it, and approval refuses the candidate', async () => {
    await page
      .getByRole('button', { name: /退\s*出/ })
      .click()
      .catch(() => undefined);
    await signIn('xc-office', '/office/xinzhou-city/cycle');
    await page.getByRole('menuitem', { name: '征求意见' }).click();
    const row = page.getByRole('row', { name: /忻州市公安局/ });
    await row.getByText('有意见·待领导小组决定').waitFor();
    await row.getByRole('button', { name: '记录领导小组决定' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('采纳，不再列为候选').click();
    await dialog.getByLabel('决定日期').fill('2026-11-23');
    await dialog.getByLabel('理由（会议与决定）').fill('领导小组第3次会议：案件未结，不列入');
    await dialog.getByRole('button', { name: /确认记录/ }).click();
    await row.getByText('意见采纳·不列入').waitFor();
    await browser.screenshot(page, '61-office-clearance');

    await page.getByRole('menuitem', { name: '名额与审定' }).click();
    // The candidate notice from the recorded list, with xinzhou-city 第十八条's period and channel.
    await page.getByRole('button', { name: '发布候选获奖名单公示' }).click();
    const noticeRow = page.getByRole('row', { name: /候选获奖名单公示/ });
    await noticeRow.getByText('5个工作日').waitFor();
    await noticeRow.getByText('本地区、本行业内').waitFor();
    await page.getByRole('checkbox', { name: candidate.name }).check();
    await page.getByLabel('审定机关').fill('忻州市人民政府');
    await page.getByLabel('文号').fill('忻政发〔2026〕30号');
    await page.getByLabel('决定日期').fill('2026-11-27');
    await page.getByRole('button', { name: /记录审定并授予称号/ }).click();
    await page.getByText(/领导小组已采纳/).waitFor();
    await browser.screenshot(page, '62-office-approval-refused');
    expect(browser.errors).toEqual([]);
  });
});
