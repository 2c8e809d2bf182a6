import { randomUUID } from 'node:crypto';
import { eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  type Json,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { grantTitle } from '../../gateway/test/post-award.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * The use of award money in the browser (inner-mongolia 第十九条): the winner's grant paid in part; the winner files its
 * use report in the applicant portal by the purposes the article lists; finance queries it with a reason, the winner
 * reads the question, corrects and resubmits; finance accepts it and records the grant's performance evaluation.
 */
describe('web: the winner reports the use of its grant, finance accepts it and records the evaluation', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let winner: Page;
  let finance: Page;
  const clock = new TestClock('2026-12-01T02:00:00Z');
  const name = '内蒙古某某乳业股份有限公司';

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const signIn = async (page: Page, username: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['inner-mongolia'], funds: true });
    const api = '/api/v1/tenants/inner-mongolia';
    const office = (await sut.addUser('inner-mongolia', 'im-office', ['office'])).token;
    const financeToken = (await sut.addUser('inner-mongolia', 'im-finance', ['finance'])).token;
    const winnerToken = (await sut.addUser('inner-mongolia', 'im-winner', ['applicant'])).token;
    const applicantId = ok(
      await sut.call('POST', `${api}/applicants`, {
        token: winnerToken,
        body: { kind: 'organisation', name, creditCode: creditCodeFor(41), legalForm: 'legal_person' },
      }),
      201,
    ).id as string;
    ok(
      await sut.call('POST', `${api}/funds/appropriations`, {
        token: financeToken,
        body: { transferId: randomUUID(), budgetYear: 2027, amountFen: 100_000_000, document: '内财预〔2027〕12号' },
      }),
      201,
    );
    await grantTitle(sut, clock, {
      tenant: 'inner-mongolia',
      office,
      applicantId,
      name,
      decidedOn: '2026-12-01',
      documentNumber: '内政发〔2026〕88号',
    });
    const entitlement = await eventually(async () => {
      const list = ok(await sut.call('GET', `${api}/funds/entitlements`, { token: financeToken }))
        .entitlements as Json[];
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    const disbursement = randomUUID();
    ok(
      await sut.call('POST', `${api}/funds/entitlements/${entitlement.id as string}/disbursements`, {
        token: financeToken,
        body: { transferId: disbursement, amountFen: 60_000_000, voucher: '内财付〔2027〕3号' },
      }),
      201,
    );
    ok(
      await sut.call('POST', `${api}/funds/disbursements/${disbursement}/confirm`, {
        token: financeToken,
        body: { transferId: randomUUID(), treasuryReference: '国库集中支付 2027-0101' },
      }),
    );
    browser = await launchBrowser();
    winner = await browser.page();
    finance = await browser.page();
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the winner files its use report by the purposes of 第十九条; an unlisted total over what was paid is refused', async () => {
    await signIn(winner, 'im-winner');
    await winner.waitForURL('**/applicant/inner-mongolia');
    await winner.getByRole('link', { name: '奖补资金与使用报告' }).click();
    await winner.waitForURL('**/applicant/inner-mongolia/award-money');
    await winner.getByText('不得挪作他用（第十九条）', { exact: false }).waitFor();
    await winner.getByText('600,000.00').first().waitFor();

    const form = winner.getByTestId('use-report-form');
    await form.locator('.ant-select').first().click();
    await winner.locator('.ant-select-item-option', { hasText: '质量技术攻关' }).click();
    await form.getByPlaceholder('300000.00').first().fill('700000');
    await form.getByPlaceholder('项目名称、支出内容、凭证').first().fill('关键工序质量攻关项目');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await winner.getByText('超过已拨付的 600,000.00 元', { exact: false }).first().waitFor();

    await form.getByPlaceholder('300000.00').first().fill('400000');
    await form.getByRole('button', { name: /增加一项/ }).click();
    await form.locator('.ant-select').nth(1).click();
    await winner
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '实验室建设',
      })
      .click();
    await form.getByPlaceholder('300000.00').nth(1).fill('150,000.50');
    await form.getByPlaceholder('项目名称、支出内容、凭证').nth(1).fill('计量检测实验室设备');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await winner.getByText('草稿').first().waitFor();
    await winner.getByText('550,000.50').first().waitFor();
    await browser.screenshot(winner, '70-applicant-use-report-draft');
    await winner.getByRole('button', { name: '报送财务部门' }).click();
    await winner.getByText('已报送').first().waitFor();
    await winner.getByText('合计').waitFor();
    await browser.screenshot(winner, '71-applicant-use-report-submitted');
  });

  it('finance queries the report with a reason; the winner reads it, corrects and resubmits', async () => {
    await signIn(finance, 'im-finance');
    await finance.waitForURL('**/finance/inner-mongolia/budget');
    await finance.getByRole('menuitem', { name: '资金使用与绩效评价' }).click();
    const row = finance.getByRole('row', { name: new RegExp(name) });
    await row.getByText('已报送').waitFor();
    await row.getByText('待评价').waitFor();
    await browser.screenshot(finance, '72-finance-use-reports');
    await row.click();
    await finance.getByText('计量检测实验室设备').waitFor();
    await finance.getByRole('button', { name: /质\s*询/ }).click();
    const query = finance.getByRole('dialog', { name: '质询资金使用报告' });
    await query.getByLabel('质询事项（每行一项）').fill('实验室设备请附采购合同与发票号');
    await query.getByRole('button', { name: /确\s*认/ }).click();
    await query.waitFor({ state: 'hidden' });
    await finance.locator('.ant-drawer').getByText('财务质询').first().waitFor();

    await winner.reload();
    await winner.getByRole('listitem').getByText('实验室设备请附采购合同与发票号').waitFor();
    await browser.screenshot(winner, '73-applicant-use-report-queried');
    const form = winner.getByTestId('use-report-form');
    await form
      .getByPlaceholder('项目名称、支出内容、凭证')
      .nth(1)
      .fill('计量检测实验室设备（采购合同 NM-2027-015，发票号 0451）');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await winner.getByText('已保存').first().waitFor();
    await winner.getByRole('button', { name: '重新报送' }).click();
    await winner.getByText('已重新报送').first().waitFor();
  });

  it('finance accepts the report and records the performance evaluation; the winner sees both', async () => {
    await finance.reload();
    const row = finance.getByRole('row', { name: new RegExp(name) });
    await row.getByText('已重新报送').waitFor();
    await row.click();
    await finance.getByRole('button', { name: /认\s*可/ }).click();
    const accept = finance.getByRole('dialog', { name: '认可资金使用报告' });
    await accept.getByLabel('意见（可选）').fill('资金使用符合第十九条规定');
    await accept.getByRole('button', { name: /确\s*认/ }).click();
    await accept.waitFor({ state: 'hidden' });
    await finance.locator('.ant-drawer').getByText('已认可').first().waitFor();

    await finance.getByRole('button', { name: '记录绩效评价' }).click();
    const evaluate = finance.getByRole('dialog', { name: '记录绩效评价' });
    await evaluate.getByLabel('评价等级').click();
    await finance.locator('.ant-select-item-option', { hasText: '良' }).click();
    await evaluate.getByLabel('评分（可选，0–100）').fill('86');
    await evaluate.getByLabel('评价结论').fill('资金使用规范，质量攻关项目按期完成');
    await evaluate.getByLabel('评价单位').fill('自治区市场监督管理局（领导小组办公室）');
    await evaluate.getByLabel('评价日期').fill('2026-11-30');
    await evaluate.getByLabel('评价报告文号').fill('内市监绩评〔2026〕5号');
    await evaluate.getByRole('button', { name: /确\s*认/ }).click();
    await evaluate.waitFor({ state: 'hidden' });
    await finance.locator('.ant-drawer').getByText('内市监绩评〔2026〕5号').waitFor();
    await browser.screenshot(finance, '74-finance-use-report-accepted-evaluated');

    await winner.reload();
    await winner.getByText('已认可').first().waitFor();
    await winner.getByText('内市监绩评〔2026〕5号').waitFor();
    await browser.screenshot(winner, '75-applicant-use-accepted-evaluated');
    expect(browser.errors).toEqual([]);
  });
});
