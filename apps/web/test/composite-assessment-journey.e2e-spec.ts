import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { acceptIliApplications } from '../../gateway/test/reviews-acceptance.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * The composite report where nothing is scored, in the browser (ili 第十六条 领导小组办公室根据评审结果形成综合评审报告):
 * two organisations through the defense and the on-site review (第十四条, 第十五条) by the API; the office opens its
 * scoring page, finds both awaiting its assessment, records one as recommended with its opinion and reason in the
 * dialog; the other is recorded not recommended by the API; the vote's slate is then the composite's list.
 */
describe('web: the office records the composite assessment of an unscored policy (ili)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const A = anOrganisation('ili', 7401, { name: '伊犁综合甲制造有限公司' });
  const B = anOrganisation('ili', 7402, { name: '伊犁综合乙科技有限公司' });
  let apps: string[] = [];
  const api = '/api/v1/tenants/ili';

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'], reviews: true });
    for (const [username, roles] of [
      ['ili-office', ['office']],
      ['ili-org-a', ['applicant']],
      ['ili-org-b', ['applicant']],
      ['ili-dept', ['recommender']],
    ] as const) {
      const user = await sut.addUser('ili', username, roles);
      ids[username] = user.id;
      tokens[username] = user.token;
    }
    const office = tokens['ili-office'] as string;
    ok(
      await sut.call('POST', `${api}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const dept = ok(
      await sut.call('POST', `${api}/recommenders`, {
        token: office,
        body: { name: '州工业和信息化局', kind: 'department', userIds: [ids['ili-dept']] },
      }),
      201,
    );
    await sut.objectionRulesReady('ili', office);
    apps = await acceptIliApplications(
      sut,
      { office, dept: tokens['ili-dept'] as string },
      [
        { token: tokens['ili-org-a'] as string, body: A },
        { token: tokens['ili-org-b'] as string, body: B },
      ],
      dept.id as string,
    );
    for (const stage of ['defense', 'onsite']) {
      const opened = await eventually(
        async () => {
          const got = ok(
            await sut.call('POST', `${api}/cycles/1/review-stages/${stage}/open`, { token: office, body: {} }),
            201,
          );
          expect((got.entrants as Json[]).length).toBe(2);
          return got;
        },
        { timeoutMs: 15000 },
      );
      ok(
        await sut.call('POST', `${api}/review-stages/${opened.id}/close`, {
          token: office,
          body: { wentOn: apps, reason: '评审组意见：通过' },
        }),
      );
    }
    browser = await launchBrowser();
    page = await browser.page();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the office records its assessment with an opinion and a reason; the list becomes the vote’s slate', async () => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill('ili-office');
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/office/ili/**');
    await page.goto(`${sut.gateway.url}/office/ili/scoring`);
    await page.getByText('综合评审（不评分）与报告').waitFor();
    await page.getByText('ili 第十六条', { exact: false }).first().waitFor();
    await page.getByText('尚有 2 个申报未记录综合意见', { exact: false }).waitFor();
    const rowA = page.getByRole('row', { name: new RegExp(A.name as string) });
    await rowA.getByText('未记录').waitFor();
    await rowA.getByRole('button', { name: /记\s*录/ }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText(`综合意见：${A.name}`, { exact: false }).waitFor();
    // Without a reason nothing is recorded.
    await dialog.getByText('推荐', { exact: true }).click();
    await page.getByLabel('综合意见（根据各环节评审结果）').fill('陈述答辩与现场评审意见均为通过，质量管理成效突出');
    await dialog.getByRole('button', { name: /记\s*录/ }).click();
    await dialog.getByText('请说明理由').waitFor();
    await page.getByLabel('理由').fill('两组评审意见一致');
    await browser.screenshot(page, '70-office-composite-assessment');
    await dialog.getByRole('button', { name: /记\s*录/ }).click();
    await page.getByText('综合意见已记录').waitFor();
    await rowA.getByText('推荐', { exact: true }).waitFor();
    await page.getByText('尚有 1 个申报未记录综合意见', { exact: false }).waitFor();
    await browser.screenshot(page, '71-office-composite-recorded');

    const office = tokens['ili-office'] as string;
    const composite = ok(
      await sut.call('PUT', `${api}/scoring/cycles/1/composite/assessments/${apps[1]}`, {
        token: office,
        body: { outcome: 'not_recommended', opinion: '现场评审发现计量管理不足', reason: '现场评审组意见保留' },
      }),
    );
    // In the order accepted (here at the same instant): no order of merit, the text gives none.
    expect((composite.assessments as Json[]).map((a) => [a.applicantName, a.outcome, a.reason]).sort()).toEqual(
      [
        [A.name, 'recommended', '两组评审意见一致'],
        [B.name, 'not_recommended', '现场评审组意见保留'],
      ].sort(),
    );
    // The vote's slate, asked without a list, is the composite's recommended list with its article.
    const vote = ok(await sut.call('POST', `${api}/votes`, { token: office, body: { cycleNumber: 1 } }), 201);
    const slate = ok(
      await sut.call('PUT', `${api}/votes/${vote.id}/slate`, { token: office, body: { reason: '综合评审报告推荐' } }),
    );
    expect(slate.slate).toMatchObject({ source: 'ranking', basis: 'ili 第十六条' });
    expect((slate.slate as { candidates: Json[] }).candidates.map((c) => c.applicantName)).toEqual([A.name]);
    expect(browser.errors).toEqual([]);
  });
});
