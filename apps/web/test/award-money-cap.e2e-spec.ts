import { randomUUID } from 'node:crypto';
import { loadLaunchPolicy } from '@laurel/policy';
import { eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { titlesOfCycleOne } from '../../gateway/test/titles.util';
import { type Browser, launchBrowser } from './browser.util';

const XZD = '/api/v1/tenants/xinzhou-district';
const FUNDS = `${XZD}/funds`;

/**
 * A capped prize on the winner's award money page (ADR 0033): a policy version whose organisation prize is a cap
 * ("不超过") leaves the winner's entitlement undecided; the winner sees that it awaits finance's decision, with the
 * cap and its article, then the amount decided with the body, its document and the reason.
 */
describe('web: the winner sees its capped prize awaiting the decision, then the amount decided', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let winner: Page;
  let office: string;
  let entitlement: Json;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const name = '信州戊精密制造有限公司';

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-district'], funds: true });
    office = (await sut.addUser('xinzhou-district', 'xzd-office', ['office'])).token;
    const finance = (await sut.addUser('xinzhou-district', 'xzd-finance', ['finance'])).token;
    const account = (await sut.addUser('xinzhou-district', 'xzd-winner', ['applicant'])).token;
    const operator = await sut.login('operator');
    const tenantId = ok(await sut.call('GET', XZD, { token: operator })).id as string;
    const v2 = structuredClone(loadLaunchPolicy('xinzhou-district')) as unknown as Json & {
      tiers: { money: Json }[];
    };
    v2.version = 2;
    for (const tier of v2.tiers) tier.money.amountIs = { organisation: 'cap' };
    ok(await sut.call('PUT', `${XZD}/policy`, { token: operator, body: { policy: v2 } }));
    ok(
      await sut.call('POST', `${XZD}/cycles`, {
        token: office,
        body: { year: 2025, opensOn: '2025-03-01', closesOn: '2025-04-30' },
      }),
      201,
    );
    ok(await sut.call('POST', `${XZD}/cycles/1/close`, { token: office }));
    ok(
      await sut.call('POST', `${FUNDS}/appropriations`, {
        token: finance,
        body: { transferId: randomUUID(), budgetYear: 2025, amountFen: 20_000_000, document: '信财预〔2025〕3号' },
      }),
      201,
    );
    await titlesOfCycleOne(sut, { key: 'xinzhou-district', id: tenantId, office }, [{ name, code: 4302, account }], {
      approvingBody: '上饶市信州区人民政府',
      documentNumber: '信府字〔2025〕9号',
      decidedOn: '2025-06-01',
    });
    entitlement = await eventually(async () => {
      const list = ok(await sut.call('GET', `${FUNDS}/entitlements`, { token: finance })).entitlements as Json[];
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    browser = await launchBrowser();
    winner = await browser.page();
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('shows the prize awaiting finance’s decision, with the cap and its article', async () => {
    await winner.goto(`${sut.gateway.url}/office/login`);
    await winner.getByLabel('用户名').fill('xzd-winner');
    await winner.getByLabel('密码').fill('a-long-password');
    await winner.getByRole('button', { name: /登\s*录/ }).click();
    await winner.waitForURL('**/applicant/xinzhou-district');
    await winner.getByRole('link', { name: '奖补资金与使用报告' }).click();
    await winner.waitForURL('**/applicant/xinzhou-district/award-money');
    const card = winner.getByTestId('entitlement-use');
    await card.getByText('金额待定').waitFor();
    const amount = await card.getByTestId('award-amount').textContent();
    expect(amount).toBe(`金额待财政部门确定（不超过80,000.00元，${entitlement.basis as string}）`);
    expect(await card.getByTestId('award-amount-decision').count()).toBe(0);
    await browser.screenshot(winner, '76-applicant-capped-prize-undecided');
  });

  it('once decided, shows the amount and the decision that set it', async () => {
    ok(
      await sut.call('POST', `${FUNDS}/entitlements/${entitlement.id as string}/amount-decision`, {
        token: office,
        body: {
          amountFen: 6_000_000,
          decidedBy: '上饶市信州区人民政府',
          document: '信府字〔2025〕10号',
          reason: '按评审得分确定',
        },
      }),
    );
    await winner.reload();
    const card = winner.getByTestId('entitlement-use');
    await card.getByTestId('award-amount').getByText('60,000.00').waitFor();
    const decision = card.getByTestId('award-amount-decision');
    await decision
      .getByText('上饶市信州区人民政府（信府字〔2025〕10号）确定金额：60,000.00元', { exact: false })
      .waitFor();
    expect(await decision.textContent()).toContain('上限80,000.00元');
    expect(await decision.textContent()).toContain('理由：按评审得分确定');
    expect(await card.getByText('金额待定').count()).toBe(0);
    await browser.screenshot(winner, '77-applicant-capped-prize-decided');
    expect(browser.errors).toEqual([]);
  });
});
