import { TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  EVIDENCE_PDF,
  type Json,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { acceptInLinxia } from '../../gateway/test/linxia-acceptance.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * One journey through the review pages (linxia): the office opens the defense stage from the policy, runs the
 * assignment and sees why it is impossible, fixes the panel, assigns and locks an assignment with a reason; the expert
 * signs in to its own assignments and opens an application's materials (a trade secret, shown to its panel only).
 */
describe('web: review stages, panel and assignment (office) and the expert’s assignments (linxia)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/linxia';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const experts: Record<string, string> = {};
  let stageId = '';

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const signIn = async (page: Page, username: string, lands: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(lands);
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia'], reviews: true });
    for (const [username, roles] of [
      ['office', ['office']],
      ['dept', ['recommender']],
      ['wang', ['expert']],
      ['zhao', ['expert']],
    ] as const) {
      const user = await sut.addUser('linxia', username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    ok(
      await sut.call('POST', `${api}/cycles`, {
        token: tokens.office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const dept = ok(
      await sut.call('POST', `${api}/recommenders`, {
        token: tokens.office,
        body: { name: '临夏县市场监督管理局', kind: 'department', userIds: [userIds.dept] },
      }),
      201,
    );
    await sut.objectionRulesReady('linxia', tokens.office as string);
    const ids: string[] = [];
    for (const [n, name] of [
      [8201, '临夏甲机械有限公司'],
      [8202, '临夏乙食品有限公司'],
    ] as const) {
      const applicant = ok(
        await sut.call('POST', `${api}/applicants`, {
          token: tokens.office,
          body: { kind: 'organisation', name, legalForm: 'legal_person', creditCode: creditCodeFor(n) },
        }),
        201,
      );
      const created = ok(
        await sut.call('POST', `${api}/applications`, {
          token: tokens.office,
          body: {
            applicantId: applicant.id,
            cycleNumber: 1,
            facts: { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] },
          },
        }),
        201,
      );
      ids.push(created.id as string);
    }
    ok(
      await sut.call('POST', `${api}/applications/${ids[0]}/materials`, {
        token: tokens.office,
        body: { title: '自评报告', tradeSecret: true, file: EVIDENCE_PDF },
      }),
      201,
    );
    await acceptInLinxia(sut, { office: tokens.office as string, dept: tokens.dept as string }, ids, dept.id as string);
    for (const username of ['wang', 'zhao']) {
      const expert = ok(
        await sut.call('POST', `${api}/experts`, {
          token: tokens.office,
          body: {
            userId: userIds[username],
            name: `${username === 'wang' ? '王' : '赵'}专家`,
            email: null,
            phone: null,
            idNumber: null,
            specialities: ['质量管理'],
            currentEmployer: { creditCode: creditCodeFor(8299), name: '兰州某大学' },
          },
        }),
        201,
      );
      experts[username] = expert.id as string;
    }
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the office opens the defense from the policy, sees why an assignment is impossible, then assigns and locks', async () => {
    const page = await browser.page();
    await signIn(page, 'office', '**/office/linxia/**');
    await page.getByRole('menuitem', { name: '评审环节' }).click();
    await page.getByText('陈述答辩').first().waitFor();
    await page.getByText('申报组织：受理名单中的全部；申报个人：不参加本环节').waitFor();
    await page.getByRole('button', { name: '开启环节' }).first().click();
    await page.getByText('临夏甲机械有限公司').first().waitFor();
    await browser.screenshot(page, '60-office-review-stage-open');
    await page
      .getByRole('button', { name: /开\s*启/ })
      .last()
      .click();
    await page.getByRole('link', { name: '陈述答辩' }).click();
    await page.waitForURL('**/review-stages/*');
    stageId = page.url().split('/').at(-1) as string;

    // A panel of 3 per application with two experts in the pool: impossible, and the page says which constraint.
    ok(
      await sut.call('PUT', `${api}/review-stages/${stageId}/panel`, {
        token: tokens.office,
        body: {
          name: '陈述答辩评审组',
          size: 3,
          sizeReason: '每份申报由三名专家评议',
          members: ['wang', 'zhao'].map((u) => ({ expertId: experts[u], minLoad: 0, maxLoad: 2 })),
        },
      }),
    );
    await page.reload();
    await page.getByRole('button', { name: '运行分配' }).click();
    await page.getByText('无利益冲突的专家仅剩 2 名，评审组需要 3 名').first().waitFor();
    await browser.screenshot(page, '61-office-assignment-infeasible');

    ok(
      await sut.call('PUT', `${api}/review-stages/${stageId}/panel`, {
        token: tokens.office,
        body: {
          name: '陈述答辩评审组',
          size: 2,
          sizeReason: '申报数量少，每份由两名专家评议',
          members: ['wang', 'zhao'].map((u) => ({ expertId: experts[u], minLoad: 0, maxLoad: 2 })),
        },
      }),
    );
    await page.reload();
    await page.getByRole('button', { name: '运行分配' }).click();
    await page.getByText('已配齐 2 份').waitFor();
    await page
      .getByRole('button', { name: /锁\s*定/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('该专家熟悉机械行业');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已锁定').first().waitFor();
    await browser.screenshot(page, '62-office-assignment-locked');
    expect(browser.errors).toEqual([]);
  });

  it('the expert signs in to its assignments and opens an application’s materials (trade secret marked)', async () => {
    await browser.context.clearCookies();
    const page = await browser.page();
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.evaluate(() => window.localStorage.clear());
    await signIn(page, 'wang', '**/expert/linxia');
    await page.getByText('我的评审任务').waitFor();
    await page.getByRole('link', { name: '临夏甲机械有限公司' }).click();
    await page.getByText('自评报告').waitFor();
    await page.getByText('商业秘密', { exact: true }).waitFor();
    await browser.screenshot(page, '63-expert-application-materials');
    const audit = ok(await sut.call('GET', `${api}/audit?service=reviews`, { token: tokens.office }));
    expect(JSON.stringify(audit)).toContain('material.expert-list');
    expect(browser.errors).toEqual([]);
  });
});
