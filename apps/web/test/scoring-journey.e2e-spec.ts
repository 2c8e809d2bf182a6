import { rubricForStandard } from '@laurel/policy';
import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

const COMPANY = '内蒙古网页评分测试有限公司';
const rubric = rubricForStandard('GB/T 19580');
if (!rubric) throw new Error('no GB/T 19580 rubric');
const ITEMS = rubric.categories.flatMap((category) => category.items);

/**
 * One scoring journey in inner-mongolia, served by the gateway with the real services, in Debian's Chromium: an
 * organisation taken to acceptance through the API; the office opens the material review and assigns the expert;
 * the expert signs in, lands on its assignments, opens the material review's GB/T 19580 form, types a score above
 * an item's points and sees it kept within them, saves a draft (草稿), submits after the confirmation dialog (已提交)
 * and the form turns read-only; the office then finds the sheet in its score table, raw and normalised side by side.
 */
describe('web: an expert scores an application; the office reads the score table (inner-mongolia)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/inner-mongolia';

  const signIn = async (username: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };
  const must = (response: { status: number; body: Record<string, unknown> }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['inner-mongolia'], reviews: true });
    const office = (await sut.addUser('inner-mongolia', 'im-office', ['office'])).token;
    const dept = await sut.addUser('inner-mongolia', 'im-dept', ['recommender']);
    const expert = await sut.addUser('inner-mongolia', 'im-expert', ['expert']);
    must(
      await sut.call('POST', `${api}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const recommender = must(
      await sut.call('POST', `${api}/recommenders`, {
        token: office,
        body: { name: '包头市市场监督管理局', kind: 'department', userIds: [dept.id] },
      }),
      201,
    );
    await sut.objectionRulesReady('inner-mongolia', office);
    const applicant = must(
      await sut.call('POST', `${api}/applicants`, {
        token: office,
        body: anOrganisation('inner-mongolia', 8201, { name: COMPANY }),
      }),
      201,
    );
    const created = must(
      await sut.call('POST', `${api}/applications`, {
        token: office,
        body: {
          applicantId: applicant.id,
          cycleNumber: 1,
          facts: { registeredInJurisdiction: true, yearsOperating: 8, qualitySystemYears: 3, incidents: [] },
        },
      }),
      201,
    );
    const id = created.id as string;
    must(
      await sut.call('POST', `${api}/applications/${id}/submit`, {
        token: office,
        body: { recommenderId: recommender.id },
      }),
    );
    must(
      await sut.call('POST', `${api}/applications/${id}/review`, {
        token: dept.token,
        body: { decision: 'recommend', text: '经审查，同意推荐。' },
      }),
    );
    await sut.decideAll('inner-mongolia', id, office);
    must(
      await sut.call('POST', `${api}/applications/${id}/formal-review`, {
        token: office,
        body: { decision: 'pass', reasons: '材料齐全，符合条件' },
      }),
    );
    must(
      await sut.call('POST', `${api}/cycles/1/acceptance-list`, {
        token: office,
        body: { applicationIds: [id], publishedOn: '2026-11-23', period: { count: 5, unit: 'working_days' } },
      }),
      201,
    );
    await sut.settle('2026-12-01T01:00:00Z');
    await sut.statusBecomes('inner-mongolia', id, office, 'accepted');
    const registered = must(
      await sut.call('POST', `${api}/experts`, {
        token: office,
        body: {
          userId: expert.id,
          name: '李评审',
          specialities: ['卓越绩效'],
          currentEmployer: { creditCode: creditCodeFor(8299), name: '内蒙古某大学' },
        },
      }),
      201,
    );
    // The reviews service holds the accepted application (the office sees it as the stage's entry finding).
    await eventually(async () => {
      const stages = must(await sut.call('GET', `${api}/cycles/1/review-stages`, { token: office }));
      expect(((stages.stages as { entryFindings: unknown[] }[])[0]?.entryFindings ?? []).length).toBe(1);
    });
    // The office opens the material review and assigns its one-expert panel (the panels' part).
    const stage = must(
      await sut.call('POST', `${api}/cycles/1/review-stages/material/open`, {
        token: office,
        body: { reason: '开始材料评审' },
      }),
      201,
    );
    must(
      await sut.call('PUT', `${api}/review-stages/${stage.id}/panel`, {
        token: office,
        body: {
          name: '材料评审专家组',
          size: 1,
          sizeReason: '测试：一名专家',
          members: [{ expertId: registered.id, minLoad: 0, maxLoad: 1 }],
        },
      }),
    );
    must(await sut.call('POST', `${api}/review-stages/${stage.id}/assignments/solve`, { token: office }));
    browser = await launchBrowser();
    page = await browser.page();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the expert fills the GB/T 19580 form within each item’s points, saves a draft, then submits after confirming', async () => {
    await signIn('im-expert');
    await page.waitForURL('**/expert/inner-mongolia');
    await page
      .getByRole('row', { name: new RegExp(COMPANY) })
      .getByRole('link', { name: '评分表' })
      .click();
    await page.waitForURL('**/expert/inner-mongolia/scoring/1/material/*');
    await page.getByText('高层领导的作用').waitFor();
    await page.getByText('inner-mongolia 第六条').waitFor();

    // Eighty per cent of every item; a score typed above an item's points is brought back to them by the field.
    const score = (key: string) => page.getByLabel(`score-${key}`, { exact: true });
    for (const item of ITEMS) await score(item.key).fill(String(Math.floor(item.points * 0.8)));
    await score('4.1.4').fill('99');
    await score('4.1.4').press('Tab');
    expect(await score('4.1.4').inputValue()).toBe('30');
    await score('4.1.4').fill('24');
    await score('4.1.4').press('Tab');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByTestId('sheet-status').getByText('草稿').waitFor();
    const total = ITEMS.reduce((sum, item) => sum + Math.floor(item.points * 0.8), 0);
    expect(await page.getByTestId('sheet-total').textContent()).toBe(`${total} / 1000`);
    await browser.screenshot(page, '60-expert-scoring-draft');

    await page.getByRole('button', { name: /提交评分表/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '确认提交评分表？' }).waitFor();
    await browser.screenshot(page, '61-expert-scoring-confirm');
    await page.getByRole('button', { name: /确认提交/ }).click();
    await page.getByTestId('sheet-status').getByText('已提交').waitFor();
    expect(await score('4.1.2').isDisabled()).toBe(true);
    await page.getByRole('button', { name: /修订评分/ }).waitFor();
    await browser.screenshot(page, '62-expert-scoring-submitted');
  });

  it('the office reads the score table, raw and normalised side by side', async () => {
    await signIn('im-office');
    await page.waitForURL('**/office/inner-mongolia/**');
    await page.goto(`${sut.gateway.url}/office/inner-mongolia/scoring`);
    const table = page.getByTestId('score-table');
    await table.getByText(COMPANY).waitFor();
    await table.getByText('李评审').waitFor();
    await page.getByText('评分表过少，用原始分', { exact: false }).waitFor();
    await page.getByText('下载综合评审报告').waitFor();
    await browser.screenshot(page, '63-office-score-table');
    // The stage's rubric: the policy's standard with its article; the office records its own choice with a reason.
    const organisations = page.getByTestId('rubric-organisation');
    await organisations.getByText('inner-mongolia 第六条').waitFor();
    await page.getByLabel('rubric-select-organisation').click();
    await page.locator('.ant-select-item-option', { hasText: 'GB/T 19580' }).first().click();
    await page.getByLabel('rubric-reason-organisation').fill('领导小组办公室决定沿用 GB/T 19580 第 1 版');
    await organisations.getByRole('button', { name: /记录所选标准/ }).click();
    await organisations.getByText('办公室决定').waitFor();
    await browser.screenshot(page, '64-office-stage-rubric');
    expect(browser.errors).toEqual([]);
  });
});
