import { randomUUID } from 'node:crypto';
import { eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * Finance's pages (inner-mongolia): signed in, finance lands on its budget page, loads the 2027 appropriation; an award
 * decision (published on JetStream as the awards service will) obligates the 1,000,000-yuan grant; finance initiates
 * an instalment and confirms the treasury paid it, each through its confirm dialog; the figures follow to the fen.
 */
describe('web: finance loads the appropriation and disburses a grant (inner-mongolia)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  let tenantId: string;
  const clock = new TestClock('2026-12-20T02:00:00Z');
  const winner = { id: randomUUID(), name: '内蒙古甲乳业股份有限公司' };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['inner-mongolia'], funds: true });
    await sut.addUser('inner-mongolia', 'im-finance', ['finance']);
    const operator = await sut.login('operator');
    tenantId = (await sut.call('GET', '/api/v1/tenants/inner-mongolia', { token: operator })).body.id as string;
    browser = await launchBrowser();
    page = await browser.page();
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('signs in to the finance pages and loads the 2027 appropriation through the dialog', async () => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill('im-finance');
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/finance/inner-mongolia/budget');
    await page.getByText('尚未载入预算指标').waitFor();

    await page.getByRole('button', { name: '载入预算指标' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('预算年度').fill('2027');
    await dialog.getByLabel('金额（元）').fill('1,500,000');
    await dialog.getByLabel('预算批复文件').fill('内财预〔2027〕12号');
    await dialog.getByText('将载入预算指标 1,500,000.00 元').waitFor();
    await dialog.getByRole('button', { name: /确认载入/ }).click();

    await page.getByTestId('figure-appropriated').getByText('1,500,000.00').waitFor();
    await page.getByText('借贷平衡').waitFor();
    await page.getByRole('cell', { name: '内财预〔2027〕12号' }).waitFor();
  });

  it('shows the grant an award decision obligated, initiates an instalment and confirms it', async () => {
    await sut.publishAwardDecision(tenantId, {
      decisionId: randomUUID(),
      cycleNumber: 1,
      policyVersion: 1,
      decidedOn: '2026-12-20',
      winners: [
        {
          applicantId: winner.id,
          applicantKind: 'organisation',
          applicantName: winner.name,
          tier: 'award',
          previousWins: 0,
        },
      ],
      actor: 'office-1',
      at: clock.now().toISOString(),
    });
    // The funds service consumes the decision asynchronously: the page is opened once the entitlement exists.
    const token = await sut.login('im-finance');
    await eventually(async () => {
      const list = await sut.call('GET', '/api/v1/tenants/inner-mongolia/funds/entitlements', { token });
      expect(list.body.entitlements).toHaveLength(1);
    });
    await page.getByRole('menuitem', { name: '奖补资金与拨付' }).click();
    const row = page.getByRole('row', { name: new RegExp(winner.name) });
    await row.getByText('已列支').waitFor();
    await row.getByText('第十八条').waitFor();

    await row.getByRole('button', { name: '发起拨付' }).click();
    const initiate = page.getByRole('dialog');
    await initiate.getByLabel('本次拨付金额（元）').fill('600,000');
    await initiate.getByLabel('付款凭证号').fill('付款凭证 2027-0001');
    await initiate.getByText(`确认向 ${winner.name} 发起拨付 600,000.00 元？`).waitFor();
    await initiate.getByRole('button', { name: /确认发起/ }).click();
    await initiate.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: /expand|展开/i }).click();
    await page.getByText('待国库支付').waitFor();
    await page.getByRole('button', { name: '确认支付' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`确认国库已向 ${winner.name} 支付 600,000.00 元？`).waitFor();
    await confirm.getByLabel('国库支付凭证号').fill('国库支付 2027-88');
    await confirm.getByRole('button', { name: /确认支付/ }).click();
    await confirm.waitFor({ state: 'hidden' });

    await page.getByText('已支付').waitFor();
    await row.getByText('400,000.00').waitFor();
    await browser.screenshot(page, '60-finance-entitlements-disbursed');
  });

  it('the budget page shows what was paid, to the fen', async () => {
    await page.getByRole('menuitem', { name: '预算与账户' }).click();
    await page.getByTestId('figure-paid').getByText('600,000.00').waitFor();
    await page.getByTestId('figure-obligated').getByText('1,000,000.00').waitFor();
    await page.getByTestId('figure-available').getByText('500,000.00').waitFor();
    await browser.screenshot(page, '61-finance-budget-and-accounts');
    const years = await sut.call('GET', '/api/v1/tenants/inner-mongolia/funds/budget-years', {
      token: await sut.login('im-finance'),
    });
    expect((years.body.budgetYears as Json[])[0]).toMatchObject({ paid: 60_000_000, pending: 0, balanced: true });
    expect(browser.errors).toEqual([]);
  });
});
