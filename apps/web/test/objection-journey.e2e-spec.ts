import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const png = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });

const ILI_NOTICE = '第一届伊犁州质量奖拟授奖名单公示';
const LINXIA_NOTICE = '临夏州州长质量奖拟授奖名单公示';

/**
 * The web app served by the gateway, with the real services, in Debian's Chromium (zh-CN, Beijing time): a member of
 * the public finds a notice and files an objection with files, gets a receipt number and a token; the office signs in,
 * admits it, records a finding and decides; the public then reads the result letter. Bad input is refused in Chinese
 * under its field, and another jurisdiction's notice never shows.
 */
describe('web: the public objects to a notice, the office decides, the public reads the result (ili)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let publicPage: Page;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const filed = { receiptNumber: '', token: '' };

  const openNotice = async (tenant: string, token: string, title: string, subjectName: string) => {
    const opened = await sut.call('POST', `/api/v1/tenants/${tenant}/notices`, {
      token,
      body: {
        stage: 'proposed_winners',
        title,
        publishedOn: '2026-11-23',
        entries: [{ subjectKind: 'organisation', subjectId: `${tenant}-a`, subjectName, proposal: '拟授予质量奖' }],
      },
    });
    if (opened.status !== 201) throw new Error(`notice ${tenant}: ${opened.status} ${JSON.stringify(opened.body)}`);
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili', 'linxia'] });
    const iliOffice = (await sut.addUser('ili', 'ili-office', ['office'])).token;
    const linxiaOffice = (await sut.addUser('linxia', 'linxia-office', ['office'])).token;
    await sut.objectionRulesReady('ili', iliOffice);
    await sut.objectionRulesReady('linxia', linxiaOffice);
    await openNotice('ili', iliOffice, ILI_NOTICE, '伊犁示范机械有限公司');
    await openNotice('linxia', linxiaOffice, LINXIA_NOTICE, '临夏示范食品有限公司');
    // An application in the office's work queue (cycle 1, 2026).
    const cycle = await sut.call('POST', '/api/v1/tenants/ili/cycles', {
      token: iliOffice,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-31' },
    });
    if (cycle.status !== 201) throw new Error(`cycle: ${JSON.stringify(cycle.body)}`);
    const applicant = await sut.call('POST', '/api/v1/tenants/ili/applicants', {
      token: iliOffice,
      body: {
        kind: 'organisation',
        name: '伊犁示范机械有限公司',
        creditCode: creditCodeFor(1),
        legalForm: 'legal_person',
      },
    });
    const application = await sut.call('POST', '/api/v1/tenants/ili/applications', {
      token: iliOffice,
      body: {
        applicantId: applicant.body.id,
        cycleNumber: 1,
        facts: { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] },
      },
    });
    if (application.status !== 201) throw new Error(`application: ${JSON.stringify(application.body)}`);
    browser = await launchBrowser();
    publicPage = await browser.page();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('serves the app at / with client routes, long-cached assets, and the API untouched under /api', async () => {
    const page = await fetch(`${sut.gateway.url}/p/ili/track`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${sut.gateway.url}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${sut.gateway.url}/api/v1/no-such-route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    // The client's types were generated from the document the running gateway serves: they cannot have drifted.
    const served = await (await fetch(`${sut.gateway.url}/api/docs-json`)).json();
    const generated = JSON.parse(readFileSync(path.resolve(__dirname, '../src/generated/openapi.json'), 'utf8'));
    expect(served).toEqual(generated);
  });

  it('the public finds the notice of its jurisdiction only, with its period and deadline', async () => {
    await publicPage.goto(`${sut.gateway.url}/p/ili`);
    await publicPage.getByRole('link', { name: ILI_NOTICE }).waitFor();
    await publicPage.getByText('奖项与管理办法').waitFor();
    expect(await publicPage.getByText(LINXIA_NOTICE).count()).toBe(0);
    await browser.screenshot(publicPage, '01-public-programme');
    await publicPage.getByRole('link', { name: ILI_NOTICE }).click();
    await publicPage.getByText('如何提出异议').waitFor();
    // 5 working days after Monday 23 November 2026 (the day of publication is not counted): Monday 30 November, 24:00.
    expect(await publicPage.getByTestId('notice-deadline').textContent()).toBe('2026年11月30日 24:00（北京时间）');
    await publicPage.getByText('5 个工作日（第十七条）').first().waitFor();
    await publicPage.getByText('伊犁示范机械有限公司').first().waitFor();
    await browser.screenshot(publicPage, '02-public-notice');

    const other = await browser.page();
    await other.goto(`${sut.gateway.url}/p/linxia`);
    await other.getByRole('link', { name: LINXIA_NOTICE }).waitFor();
    expect(await other.getByText(ILI_NOTICE).count()).toBe(0);
    await other.close();
  });

  it('bad input shows each field’s reason in Chinese, under the field', async () => {
    await publicPage.getByLabel('联系电话').fill('12345');
    await publicPage.getByLabel('公民身份号码').fill('110105194912310021');
    await publicPage.getByRole('button', { name: '提交异议' }).click();
    await publicPage.getByText('请输入正确的手机号码或固定电话').waitFor();
    await publicPage.getByText('公民身份号码有误（应为 18 位且校验位正确）').waitFor();
    await publicPage.getByText('请填写异议事实与理由').waitFor();
    await browser.screenshot(publicPage, '03-public-objection-errors');
  });

  it('files an objection with its identity and evidence, and is given the receipt number and the token once', async () => {
    await publicPage.getByLabel('姓名').fill('张三');
    await publicPage.getByLabel('公民身份号码').fill('11010519491231002X');
    await publicPage.getByLabel('联系电话').fill('13812345678');
    await publicPage.getByLabel('联系地址').fill('伊宁市解放路 1 号');
    await publicPage.getByTestId('identity-proof').locator('input[type=file]').setInputFiles(png('id.png'));
    await publicPage.getByTestId('signature').locator('input[type=file]').setInputFiles(png('signature.png'));
    await publicPage.getByLabel('异议事实与理由').fill('该单位近三年发生过重大质量事故，不符合申报条件。');
    await publicPage
      .getByTestId('evidence')
      .locator('input[type=file]')
      .setInputFiles({ name: '证据.pdf', mimeType: 'application/pdf', buffer: PDF });
    await publicPage.getByRole('button', { name: '提交异议' }).click();
    await publicPage.getByText('异议已提交').waitFor();
    filed.receiptNumber = (await publicPage.getByTestId('receipt-number').textContent()) ?? '';
    filed.token = (await publicPage.getByTestId('receipt-token').textContent()) ?? '';
    expect(filed.receiptNumber).toMatch(/^YY-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(filed.token.length).toBeGreaterThanOrEqual(20);
    await publicPage.getByText('查询凭证只显示这一次').waitFor();
    await browser.screenshot(publicPage, '04-public-objection-filed');
  });

  it('the office signs in, admits the objection, records a finding and decides', async () => {
    const office = await browser.page();
    await office.goto(`${sut.gateway.url}/office/login`);
    await office.getByLabel('用户名').fill('ili-office');
    await office.getByLabel('密码').fill('a-long-password');
    await browser.screenshot(office, '05-office-login');
    await office.getByRole('button', { name: /登\s*录/ }).click();
    // The console lands on the cycle at a glance; the work queue is one click away.
    await office.waitForURL('**/office/ili/cycle');
    await office.getByRole('link', { name: '申报工作台' }).click();
    await office.waitForURL('**/office/ili/applications');
    await office.getByRole('link', { name: '伊犁示范机械有限公司' }).waitFor();
    await browser.screenshot(office, '06-office-applications');
    await office.getByRole('link', { name: '伊犁示范机械有限公司' }).click();
    await office.getByText('资格条件').waitFor();
    await office.getByText('办理记录').waitFor();
    await browser.screenshot(office, '06b-office-application');

    await office.getByRole('link', { name: '公示管理' }).click();
    await office.getByRole('link', { name: ILI_NOTICE }).waitFor();
    await browser.screenshot(office, '07-office-notices');

    await office.getByRole('link', { name: '异议处理' }).click();
    await office.getByRole('link', { name: filed.receiptNumber }).click();
    await office.getByText('该单位近三年发生过重大质量事故').waitFor();
    await browser.screenshot(office, '08-office-objection-received');
    await office.getByTestId('admit').click();
    await office.getByText('已受理，调查中').first().waitFor();
    await office.getByLabel('调查人员（声明与本案无利害关系）').fill('李四');
    await office.getByRole('button', { name: '指派调查人员' }).click();
    await office.getByText(/^李四 · /).waitFor();
    await office.getByTestId('finding-text').fill('经查，该单位近三年无重大质量事故记录。');
    await office.getByTestId('record-finding').click();
    await office.getByText(/经查，该单位近三年无重大质量事故记录/).waitFor();
    await office.getByTestId('decision-reasons').fill('经调查核实，异议所述事实不存在，异议不成立。');
    await office.getByTestId('decide').click();
    // Decided: no more actions, and the decision with its reasons and article.
    await office.getByText('已办结').waitFor();
    await office.getByText('经调查核实，异议所述事实不存在，异议不成立。').waitFor();
    await browser.screenshot(office, '09-office-objection-decided');
    await office.close();
  });

  it('the public follows the receipt number: the written receipt and the result letter', async () => {
    await publicPage.goto(`${sut.gateway.url}/p/ili/track?receipt=${filed.receiptNumber}`);
    await publicPage.getByTestId('result-letter').waitFor();
    expect(await publicPage.getByTestId('result-letter').textContent()).toContain('不成立');
    const download = publicPage.waitForEvent('download');
    await publicPage.getByTestId('download-receipt').click();
    expect((await download).suggestedFilename()).toMatch(/\.txt$/);
    await browser.screenshot(publicPage, '10-public-track-result');
  });

  it('no page threw nor logged an error on the way', () => {
    expect(browser.errors).toEqual([]);
  });
});
