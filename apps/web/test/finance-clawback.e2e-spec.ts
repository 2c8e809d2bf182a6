import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ClawbackRequestPayload, EventEnvelope } from '@laurel/contracts';
import { readXlsx } from '@laurel/platform';
import { eventually, extractPdfTextCompact, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * Finance's clawback pages (xinzhou-district, 第十七条): the 80,000-yuan prize paid, the award revoked within half a
 * year (the awards service's `awards.clawback.requested.v1`, published on JetStream as it publishes it) → finance opens
 * the case, sets the due date, downloads the demand letter, records a partial recovery, an instalment agreement, a
 * write-off with approval and reason, and returns what was recovered to the treasury, each through its confirm
 * dialog; the ledger's figures follow to the fen.
 */
describe('web: finance works a clawback case (xinzhou-district)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  let tenantId: string;
  const clock = new TestClock('2026-12-20T02:00:00Z');
  const api = '/api/v1/tenants/xinzhou-district/funds';
  const winner = { id: randomUUID(), name: '信州区甲精密制造有限公司' };

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const year = async () => {
    const token = await sut.login('xd-finance');
    const years = ok(await sut.call('GET', `${api}/budget-years`, { token })).budgetYears as Json[];
    return years.find((y) => y.budgetYear === 2026);
  };
  /** A modal by its title (the case's drawer is a dialog too). */
  const modal = (title: string) => page.getByRole('dialog', { name: title });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-district'], funds: true });
    const finance = (await sut.addUser('xinzhou-district', 'xd-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    tenantId = ok(await sut.call('GET', '/api/v1/tenants/xinzhou-district', { token: operator })).id as string;
    const post = (path: string, body: unknown, status = 200) =>
      sut.call('POST', `${api}${path}`, { token: finance, body }).then((r) => ok(r, status));
    await post(
      '/appropriations',
      { transferId: randomUUID(), budgetYear: 2026, amountFen: 20_000_000, document: '信财预〔2026〕8号' },
      201,
    );
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
    const entitlement = await eventually(async () => {
      const list = ok(await sut.call('GET', `${api}/entitlements`, { token: finance })).entitlements as Json[];
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    const disbursement = randomUUID();
    await post(
      `/entitlements/${entitlement.id as string}/disbursements`,
      { transferId: disbursement, amountFen: 8_000_000, voucher: '付款凭证 2026-0001' },
      201,
    );
    await post(`/disbursements/${disbursement}/confirm`, {
      transferId: randomUUID(),
      treasuryReference: '国库 2026-1',
    });

    const awards = sut.awards;
    if (!awards) throw new Error('awards not running');
    const payload: ClawbackRequestPayload = {
      revocationId: randomUUID(),
      titleId: randomUUID(),
      cycleNumber: 1,
      policyVersion: 1,
      applicantId: winner.id,
      applicantKind: 'organisation',
      applicantName: winner.name,
      tier: 'award',
      revokedOn: '2027-03-01',
      eventOn: '2027-03-01',
      awardedOn: '2026-12-20',
      consequenceBasis: '追缴奖金（xinzhou-district 第十七条）',
      window: { months: 6, from: 'award' },
      actor: 'office-1',
      at: clock.now().toISOString(),
    };
    const envelope: EventEnvelope = {
      id: randomUUID() as EventEnvelope['id'],
      subject: 'awards.clawback.requested.v1',
      tenantId,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: { userId: 'office-1', username: 'office-1', roles: ['office'], operator: false },
      payload,
    };
    await awards.runtime.js.publish(awards.runtime.namespace.eventWire(envelope.subject), JSON.stringify(envelope), {
      msgID: envelope.id,
    });
    await eventually(async () => expect(await year()).toMatchObject({ receivable: 8_000_000 }));

    browser = await launchBrowser();
    page = await browser.page();
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('lists the case opened under 第十七条, sets the due date and downloads the demand letter', async () => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill('xd-finance');
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/finance/xinzhou-district/budget');
    await page.getByRole('menuitem', { name: '追缴案件' }).click();
    const row = page.getByRole('row', { name: new RegExp(winner.name) });
    await row.getByText('已立案').waitFor();
    await row.getByText('80,000.00').first().waitFor();

    await row.click();
    await page.getByText('追缴奖金（xinzhou-district 第十七条）').last().waitFor();
    await page.getByRole('button', { name: '设定缴款期限' }).click();
    const demand = modal('发出追缴通知（设定缴款期限）');
    await demand.getByLabel('缴款期限').fill('2027-04-30');
    await demand.getByText(`确认向 ${winner.name} 发出追缴通知，限 2027-04-30 前缴回 80,000.00 元？`).waitFor();
    await demand.getByRole('button', { name: /确\s*认/ }).click();
    await demand.waitFor({ state: 'hidden' });
    await row.getByText('已发追缴通知').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载追缴通知书' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const letter = await readFile(await download.path());
    expect(letter.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractPdfTextCompact(letter);
    for (const expected of ['质量奖奖励资金追缴通知书', winner.name, '80,000.00元', '2027-04-30']) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
  });

  it('records a partial recovery and an instalment agreement for the rest', async () => {
    await page.getByRole('button', { name: '登记追回款' }).click();
    const recover = modal('登记追回款');
    await recover.getByLabel('金额（元）').fill('30,000');
    await recover.getByLabel('缴款凭证号').fill('缴款凭证 2027-0301');
    await recover.getByText(`确认已收到 ${winner.name} 缴回 30,000.00 元？`).waitFor();
    await recover.getByRole('button', { name: /确\s*认/ }).click();
    await recover.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await year()).toMatchObject({ receivable: 5_000_000, recovered: 3_000_000 }));

    await page.getByRole('button', { name: '分期还款协议' }).click();
    const agree = modal('登记分期还款协议');
    await agree.getByPlaceholder('到期日 2027-03-31').first().fill('2027-05-31');
    await agree.getByPlaceholder('金额（元）').first().fill('30,000');
    await agree.getByRole('button', { name: /增加一期/ }).click();
    await agree.getByPlaceholder('到期日 2027-03-31').nth(1).fill('2027-06-30');
    await agree.getByPlaceholder('金额（元）').nth(1).fill('20,000');
    await agree.getByLabel('分期还款协议编号').fill('分期协议 2027-01');
    await agree.getByRole('button', { name: /确\s*认/ }).click();
    await agree.waitFor({ state: 'hidden' });
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('分期追缴中').first().waitFor();
    await drawer.getByText('2027-05-31 30,000.00 元；2027-06-30 20,000.00 元（分期协议 2027-01）').waitFor();
  });

  it('writes off the rest with an approval and a reason, and returns the recovered money to the treasury', async () => {
    await page.getByRole('button', { name: /^核\s*销$/ }).click();
    const writeOff = modal('核销（须经批准）');
    await writeOff.getByText(`确认核销 ${winner.name} 尚未追回的 50,000.00 元？`).waitFor();
    await writeOff.getByLabel('核销理由').fill('企业已破产清算，经法院裁定无可供执行财产');
    await writeOff.getByLabel('批准人').fill('信州区财政局');
    await writeOff.getByLabel('批准文件').fill('信财核〔2027〕3号');
    await writeOff.getByRole('button', { name: /确\s*认/ }).click();
    await writeOff.waitFor({ state: 'hidden' });
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('已核销').first().waitFor();

    await page.getByRole('button', { name: '上缴国库' }).click();
    const giveBack = modal('上缴国库');
    await giveBack.getByText('确认将追回的 30,000.00 元上缴国库？').waitFor();
    await giveBack.getByLabel('上缴凭证号').fill('上缴凭证 2027-07');
    await giveBack.getByRole('button', { name: /确\s*认/ }).click();
    await giveBack.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '上缴国库' }).waitFor({ state: 'detached' });

    expect(await year()).toMatchObject({
      receivable: 0,
      recovered: 3_000_000,
      returned: 3_000_000,
      writtenOff: 5_000_000,
      balanced: true,
    });
    await browser.screenshot(page, '62-finance-clawback-case');
    expect(browser.errors).toEqual([]);
  });

  it('the budget page, the statement and the trial balance show the clawback, to the fen', async () => {
    await page.locator('.ant-drawer-close').click();
    await page.getByRole('menuitem', { name: '预算与账户' }).click();
    await page.getByTestId('figure-receivable').getByText('0.00').waitFor();
    await page.getByTestId('figure-recovered').getByText('30,000.00').waitFor();
    await page.getByTestId('figure-returned').getByText('30,000.00').waitFor();
    await page.getByTestId('figure-written-off').getByText('50,000.00').waitFor();
    await browser.screenshot(page, '63-finance-budget-with-clawback');

    await page.getByRole('menuitem', { name: '对账单' }).click();
    await page.getByLabel('收款单位').click();
    await page.locator('.ant-select-item-option', { hasText: winner.name }).click();
    await page.getByTestId('statement-entitled').getByText('80,000.00').waitFor();
    // The demand debits `paid` (ADR 0029): paid is net of what was claimed back.
    await page.getByTestId('statement-paid').getByText('0.00').waitFor();
    await page.getByTestId('statement-demanded').getByText('80,000.00').waitFor();
    await page.getByTestId('statement-recovered').getByText('30,000.00').waitFor();
    await page.getByTestId('statement-written-off').getByText('50,000.00').waitFor();
    const token = await sut.login('xd-finance');
    const statement = ok(await sut.call('GET', `${api}/budget-years/2026/statements/${winner.id}`, { token }));
    const lines = statement.lines as Json[];
    expect(lines.map((l) => l.code)).toEqual(expect.arrayContaining(['recovery', 'written_off']));
    for (const line of lines)
      await page
        .getByRole('cell', { name: line.reference as string })
        .first()
        .waitFor();
    await browser.screenshot(page, '64-finance-statement');

    await page.getByRole('menuitem', { name: '试算平衡表' }).click();
    await page.getByText('借贷平衡').waitFor();
    const trial = ok(await sut.call('GET', `${api}/budget-years/2026/trial-balance`, { token }));
    const totals = trial.totals as Json;
    expect(totals.debitsPosted).toBe(totals.creditsPosted);
    const footer = page.locator('.ant-table-summary');
    await footer.getByText('合计').waitFor();
    await footer
      .getByText(
        new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format((totals.debitsPosted as number) / 100),
      )
      .first()
      .waitFor();
    expect(await page.getByTestId('trial-balance').locator('tbody tr.ant-table-row').count()).toBe(
      (trial.rows as Json[]).length,
    );
    await browser.screenshot(page, '65-finance-trial-balance');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('trial-balance-2026.xlsx');
    const sheet = await readXlsx(await readFile(await file.path()));
    expect(sheet[0]?.[0]).toBe('会计科目');
    expect(sheet.at(-1)?.[0]).toBe('合计');
    expect(Math.round(Number(sheet.at(-1)?.[2]) * 100)).toBe(totals.debitsPosted);
    expect(browser.errors).toEqual([]);
  });
});
