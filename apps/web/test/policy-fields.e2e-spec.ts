import { randomUUID } from 'node:crypto';
import { loadLaunchPolicy } from '@laurel/policy';
import { eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  idNumberFor,
  type Json,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

const XZC = '/api/v1/tenants/xinzhou-city';

/**
 * The policy fields of ADR 0033 in the browser (xinzhou-city, a version 2 the operator uploads): quotas per applicant
 * kind, the prize as a cap (不超过) decided by a body, a condition on an individual applicant's employer, and parts not
 * yet transcribed. The office reads the tiers (尚未录入 where the operator left a part for later), records an
 * individual's employer's incidents and sees the application's eligibility follow; finance records the decided amount
 * of a capped prize, hostile amounts refused with their field; the office sees the decision but no finance-only action.
 */
describe('web: per-kind quotas, capped prizes, employer conditions and untranscribed parts (xinzhou-city v2)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let office: Page;
  let finance: Page;
  let applicationId: string;
  // Monday 23 November 2026, 10:00 in Shanghai (xinzhou-city's regulation is in force until 30 November).
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const winners = [
    { applicantId: randomUUID(), applicantName: '忻州甲精密制造有限公司' },
    { applicantId: randomUUID(), applicantName: '忻州乙食品股份有限公司' },
  ];

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
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city'], funds: true });
    const officeToken = (await sut.addUser('xinzhou-city', 'xzc-office', ['office'])).token;
    const financeToken = (await sut.addUser('xinzhou-city', 'xzc-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    const tenantId = ok(await sut.call('GET', XZC, { token: operator })).id as string;

    // Version 2 as an operator transcribing a later text would write it: per-kind quotas, the prize a cap, a
    // condition on an individual's employer, and the validity and winners' reports left for a later step.
    const v2 = structuredClone(loadLaunchPolicy('xinzhou-city')) as unknown as Json & {
      tiers: { quota: Json; money: Json }[];
      eligibility: Json[];
    };
    v2.version = 2;
    const [award] = v2.tiers;
    if (!award) throw new Error('xinzhou-city has no award tier');
    award.quota.byKind = {
      organisation: { max: 2 },
      individual: { max: 1, binding: 'in_principle', vacanciesAllowed: false },
    };
    award.money.amountIs = { organisation: 'cap', individual: 'cap' };
    v2.eligibility.push({
      id: 'employer-no-major-accidents',
      kind: 'no_incidents',
      appliesTo: ['individual'],
      incidents: ['accident'],
      accidents: [{ areas: null, atLeast: 'major', basis: '第十一条' }],
      lookbackYears: 3,
      subject: 'employer',
      description: { zh: '所在组织近3年内无重大质量、安全事故', en: 'The employer had no major accident in 3 years' },
      basis: '第十一条',
    });
    v2.untranscribed = [
      { section: 'tiers.validity', basis: '第二十二条', note: '称号有效期一条待核对原文后录入' },
      { section: 'obligations.reports' },
    ];
    ok(await sut.call('PUT', `${XZC}/policy`, { token: operator, body: { policy: v2 } }));
    ok(
      await sut.call('POST', `${XZC}/cycles`, {
        token: officeToken,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-11-30' },
      }),
      201,
    );
    const person = ok(
      await sut.call('POST', `${XZC}/applicants`, {
        token: officeToken,
        body: { kind: 'individual', name: '赵质量', idNumber: idNumberFor(7), employer: '忻州丙机械有限公司' },
      }),
      201,
    );
    applicationId = ok(
      await sut.call('POST', `${XZC}/applications`, {
        token: officeToken,
        body: { applicantId: person.id, cycleNumber: 1, facts: { incidents: [] } },
      }),
      201,
    ).id as string;

    ok(
      await sut.call('POST', `${XZC}/funds/appropriations`, {
        token: financeToken,
        body: { transferId: randomUUID(), budgetYear: 2026, amountFen: 50_000_000, document: '忻财预〔2026〕7号' },
      }),
      201,
    );
    await sut.publishAwardDecision(tenantId, {
      decisionId: randomUUID(),
      cycleNumber: 1,
      policyVersion: 2,
      decidedOn: '2026-11-23',
      winners: winners.map((w) => ({ ...w, applicantKind: 'organisation', tier: 'award', previousWins: 0 })),
      actor: 'office-1',
      at: clock.now().toISOString(),
    });
    await eventually(async () => {
      const list = ok(await sut.call('GET', `${XZC}/funds/entitlements`, { token: financeToken }));
      expect(list.entitlements).toHaveLength(2);
    });
    browser = await launchBrowser();
    office = await browser.page();
    finance = await browser.page();
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the office reads the tiers: quotas per kind, in principle and vacancies, caps, and 尚未录入 for what is not transcribed', async () => {
    await signIn(office, 'xzc-office');
    await office.waitForURL('**/office/xinzhou-city/**');
    await office.goto(`${sut.gateway.url}/office/xinzhou-city/policy`);
    const table = office.getByTestId('tier-quota-table');
    await table.getByText('合计 不超过 3 名').waitFor();
    const organisations = table.getByTestId('quota-award-organisation');
    await organisations.getByText('组织 不超过 2 名').waitFor();
    await organisations.getByText('可空缺').waitFor();
    const individuals = table.getByTestId('quota-award-individual');
    await individuals.getByText('个人 原则上 1 名').waitFor();
    await individuals.getByText('原则上', { exact: true }).waitFor();
    expect(await individuals.getByText('可空缺').count()).toBe(0);
    await table.getByTestId('money-award-organisation').getByText('组织 不超过 200,000.00 元').waitFor();
    await table.getByTestId('money-award-individual').getByText('上限，金额另行决定').waitFor();
    await table.getByText('无现金奖励').first().waitFor();
    expect(await table.getByTestId('not-transcribed').count()).toBe(2);
    await table.getByTestId('not-transcribed').first().getByText('尚未录入').waitFor();
    const sections = office.getByTestId('untranscribed-sections');
    await sections.getByText('称号有效期 · 尚未录入（第二十二条）').waitFor();
    await sections.getByText('获奖者报告义务 · 尚未录入').waitFor();
    await office.getByTestId('policy-text').getByText('尚未录入', { exact: false }).first().waitFor();
    await browser.screenshot(office, '80-office-policy-tiers-quotas');

    await office.goto(`${sut.gateway.url}/p/xinzhou-city`);
    await office.getByTestId('quota-award-individual').getByText('个人 原则上 1 名').waitFor();
    await office.getByTestId('untranscribed-sections').waitFor();
    await browser.screenshot(office, '81-public-programme-tiers-quotas');
    await office.getByText('English', { exact: true }).click();
    await office.getByTestId('quota-award-individual').getByText('Individuals 1 in principle').waitFor();
    await office.getByTestId('money-award-organisation').getByText('cap: the amount is decided').waitFor();
    await office
      .getByTestId('untranscribed-sections')
      .getByText('Validity of titles · not yet transcribed', { exact: false })
      .waitFor();
    await browser.screenshot(office, '81-public-programme-tiers-quotas-en');
    await office.getByText('中文', { exact: true }).click();
    await office.getByText('奖项与管理办法').waitFor();
  });

  it("the office records an individual's employer's incidents; the condition's finding and the eligibility follow", async () => {
    await office.goto(`${sut.gateway.url}/office/xinzhou-city/applications/${applicationId}`);
    await office.getByRole('button', { name: '所在组织条件' }).click();
    await office.waitForURL(`**/applications/${applicationId}/employer`);
    const conditions = office.getByTestId('employer-conditions');
    const row = conditions.getByRole('row', { name: /所在组织近3年内无重大质量、安全事故/ });
    await row.getByText('第十一条').waitFor();
    await row.getByText('近 3 年').waitFor();
    await row.getByText('缺少事实').waitFor();
    await row.getByText('缺少申报信息：所在组织事故与违法记录').waitFor();
    await office.getByText('尚未记录所在组织情况').waitFor();
    await browser.screenshot(office, '82-office-employer-undeclared');

    const form = office.getByTestId('employer-incidents-form');
    await form.getByRole('button', { name: '添加一条所在组织记录' }).click();
    await form.getByRole('button', { name: /保存所在组织记录/ }).click();
    await form.getByText('请选择类别').waitFor();
    await form.getByText('请填写日期').waitFor();

    const option = (title: string) =>
      office.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
    await form.getByLabel('类别').click();
    await option('事故').click();
    await form.getByLabel('发生日期').fill('2025-03-01');
    await form.getByLabel('等级').click();
    await option('重大').click();
    await form.getByLabel('领域').click();
    await option('安全生产').click();
    await form.getByRole('button', { name: /保存所在组织记录/ }).click();
    await row.getByText('不符合').waitFor();
    await office.getByTestId('eligibility-outcome').getByText('不符合').waitFor();
    await office.getByRole('cell', { name: '2025-03-01', exact: true }).waitFor();
    await row.getByText('所在组织：近3年内有记录：2025-03-01 重大事故').waitFor();
    await browser.screenshot(office, '83-office-employer-major-accident');

    await office.getByRole('button', { name: '记录：所在组织无上述记录' }).click();
    await row.getByText('符合', { exact: true }).waitFor();
    await office.getByText('已记录：无').waitFor();
    expect(await office.getByTestId('eligibility-outcome').getByText('不符合').count()).toBe(0);
    const stored = ok(
      await sut.call('GET', `${XZC}/applications/${applicationId}`, { token: await sut.login('xzc-office') }),
    );
    expect((stored.facts as Json).employerIncidents).toEqual([]);
    expect(
      (stored.eligibility as { findings: Json[] }).findings.find((f) => f.ruleId === 'employer-no-major-accidents'),
    ).toMatchObject({ outcome: 'pass', basis: '第十一条' });
    await office.locator('.ant-btn-loading').first().waitFor({ state: 'detached' });
    await browser.screenshot(office, '84-office-employer-none');
  });

  it('finance sees the cap and the article, hostile amounts are refused with their field, then records the decision', async () => {
    await signIn(finance, 'xzc-finance');
    await finance.waitForURL('**/finance/xinzhou-city/budget');
    await finance.getByRole('menuitem', { name: '奖补资金与拨付' }).click();
    const row = finance.getByRole('row', { name: new RegExp(winners[0]?.applicantName ?? '') });
    await row.getByText('金额待定').waitFor();
    await row.getByText('不超过 200,000.00').waitFor();
    await row.getByText('第二十一条').first().waitFor();
    await browser.screenshot(finance, '85-finance-entitlement-undecided');

    await row.getByRole('button', { name: '记录金额决定' }).click();
    const dialog = finance.getByRole('dialog', { name: '记录金额决定' });
    await dialog.getByText('不超过 200,000.00 元（第二十一条）').waitFor();
    const amount = dialog.getByLabel('决定金额（元）');
    const submit = () => dialog.getByRole('button', { name: /确认记录/ }).click();

    // Nothing filled: each field says what it needs, nothing is sent.
    await submit();
    await dialog.getByText('请填写决定的金额').waitFor();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('决定机关').fill('忻州市人民政府');
    await dialog.getByLabel('决定文号').fill('忻政发〔2026〕31号');
    await dialog.getByLabel('理由').fill('按评审得分与财力确定');

    // Not a number, and more digits than fen can carry: refused as typed.
    for (const typed of ['二十万', '1e5', '99999999999999']) {
      await amount.fill(typed);
      await submit();
      await dialog.getByText('请输入数字金额（元），最多两位小数，不超过十三位整数').waitFor();
    }

    // Negative: the API's rule, its refusal shown under the amount.
    await amount.fill('-5');
    await submit();
    const refusal = dialog.locator('.ant-form-item-explain-error').filter({ hasNotText: '请输入数字金额' });
    await refusal.getByText('不得小于 0').waitFor();

    // Above the cap: refused by the policy's article.
    await amount.fill('1,000,000,000');
    await submit();
    await dialog.getByText('超过上限200,000.00元', { exact: false }).first().waitFor();
    await browser.screenshot(finance, '86-finance-amount-above-cap');

    // A reason of spaces only: the API refuses it under the reason.
    await amount.fill('150,000');
    await dialog.getByLabel('理由').fill('   ');
    await submit();
    const blank = dialog.locator('.ant-form-item-explain-error').filter({ hasNotText: '请填写理由' });
    await blank.getByText('不能为空').waitFor();
    await dialog
      .getByText('确认记录：忻州甲精密制造有限公司 的奖补资金为 150,000.00 元', { exact: false })
      .waitFor({ state: 'hidden' });
    await dialog.getByLabel('理由').fill('按评审得分与财力确定');
    await submit();
    await dialog.waitFor({ state: 'hidden' });

    await row.getByText('已列支').waitFor();
    const cell = row.getByTestId('entitlement-amount');
    await cell.getByText('150,000.00').waitFor();
    await cell.getByText('上限 200,000.00').waitFor();
    await row.getByText('忻州市人民政府（忻政发〔2026〕31号）决定', { exact: false }).waitFor();
    await row
      .getByTestId('amount-decision-recorded')
      .getByText('记录：xzc-finance · 2026年11月23日', { exact: false })
      .waitFor();
    await row.getByRole('button', { name: '发起拨付' }).waitFor();
    await browser.screenshot(finance, '87-finance-amount-decided');

    const token = await sut.login('xzc-finance');
    const list = ok(await sut.call('GET', `${XZC}/funds/entitlements`, { token })).entitlements as Json[];
    const decided = list.find((e) => e.applicantName === winners[0]?.applicantName);
    expect(decided).toMatchObject({
      status: 'obligated',
      amountFen: 15_000_000,
      capFen: 20_000_000,
      outstandingFen: 15_000_000,
      amountDecision: {
        amountFen: 15_000_000,
        decidedBy: '忻州市人民政府',
        document: '忻政发〔2026〕31号',
        reason: '按评审得分与财力确定',
      },
    });
    expect(((decided?.amountDecision ?? {}) as Json).recordedBy).toContain('xzc-finance');
  });

  it('the office reads the money and may record an amount, but is offered no finance-only action', async () => {
    await office.goto(`${sut.gateway.url}/office/xinzhou-city/cycle`);
    await office.getByRole('menuitem', { name: '奖补资金' }).click();
    await office.waitForURL('**/finance/xinzhou-city/entitlements');
    const decided = office.getByRole('row', { name: new RegExp(winners[0]?.applicantName ?? '') });
    await decided.getByText('已列支').waitFor();
    await decided.getByText('150,000.00').first().waitFor();
    const open = office.getByRole('row', { name: new RegExp(winners[1]?.applicantName ?? '') });
    await open.getByRole('button', { name: '记录金额决定' }).waitFor();
    expect(await office.getByRole('button', { name: '发起拨付' }).count()).toBe(0);
    await browser.screenshot(office, '88-office-reads-entitlements');
    await office.getByRole('menuitem', { name: '预算与账户' }).click();
    await office.getByTestId('figure-obligated').getByText('150,000.00').waitFor();
    expect(await office.getByRole('button', { name: '载入预算指标' }).count()).toBe(0);
    await office.getByRole('menuitem', { name: '返回办公室工作台' }).click();
    await office.waitForURL('**/office/xinzhou-city/**');
    // The gateway refuses the office a disbursement all the same.
    const list = ok(await sut.call('GET', `${XZC}/funds/entitlements`, { token: await sut.login('xzc-office') }))
      .entitlements as Json[];
    const id = list.find((e) => e.status === 'obligated')?.id as string;
    const refused = await sut.call('POST', `${XZC}/funds/entitlements/${id}/disbursements`, {
      token: await sut.login('xzc-office'),
      body: { transferId: randomUUID(), amountFen: 100, voucher: 'x' },
    });
    expect(refused.status).toBe(403);
    expect(browser.errors).toEqual([]);
  });
});
