import { readFile } from 'node:fs/promises';
import { creditCodeFor, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, startApplicationsPlatform } from '../../gateway/test/applications.util';

/**
 * Types a date into an antd date picker and leaves the field with Tab, which keeps a valid typed date: Enter could
 * also submit the form the picker is in, racing the click on its button.
 */
async function pickDate(page: Page, selector: string, date: string): Promise<void> {
  const field = page.locator(selector);
  await field.fill(date);
  await field.press('Tab');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
  if ((await field.inputValue()) !== date)
    throw new Error(`${selector} shows ${await field.inputValue()}, not ${date}`);
}

import { type Browser, launchBrowser } from './browser.util';

const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });
const PDF_V2 = Buffer.from('%PDF-1.7\n% corrected after return\n%%EOF\n');
const COMPANY = '伊犁门户机械有限公司';
const OTHER_COMPANY = '伊犁另一门户食品有限公司';
const DEPARTMENT = '州工业和信息化局';

/**
 * The applicant's and the recommender's portals, served by the gateway with the real services (ili), in Debian's
 * Chromium: an applicant account signs in, registers its organisation (a mistyped credit code and a bad phone number
 * are refused under their fields, in Chinese), starts its application in the open cycle, declares its facts, uploads
 * materials (one a trade secret), states there is no state secret (ili 第十条第二款), starts internal publicity and
 * sees its last day (5 working days, 第十条); once the clock is past it, submits to a recommender. The recommender
 * first returns it for correction: the applicant replaces a material (a new version, the submitted one kept), adds one
 * and removes it, downloads its own, and submits again. The recommender then sees it without the trade secret,
 * recommends with its opinion, and the applicant finds its application on the recommendation notice with the notice's
 * deadline. Another applicant's application (made through the API) is refused with reasons.
 */
describe('web: an applicant applies through its portal, the recommender recommends (ili)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let applicant: Page;
  let recommender: Page;
  let otherApplicationId: string;
  let recommenderId: string;
  let otherToken: string;
  // Monday 23 November 2026, 10:00 in Shanghai: the services' clock (the browser and the gateway keep real time).
  const clock = new TestClock('2026-11-23T02:00:00Z');

  const signIn = async (page: Page, username: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  const upload = async (title: string, file: string, tradeSecret: boolean) => {
    await applicant.getByPlaceholder('材料名称，如：自评报告').fill(title);
    await applicant.getByTestId('material-file').locator('input[type=file]').setInputFiles(pdf(file));
    if (tradeSecret) await applicant.getByText('含商业秘密（推荐单位不可见）').click();
    await applicant.getByRole('button', { name: /上\s*传/ }).click();
    await applicant.getByRole('cell', { name: title, exact: true }).waitFor();
  };

  /** The recommender opens the application from its queue and records its decision with the text. */
  const review = async (company: string, decision: '退回补正' | '不予推荐', text: string) => {
    await recommender.goto(`${sut.gateway.url}/recommender/ili`);
    await recommender.getByRole('link', { name: company }).click();
    await recommender.locator('.ant-radio-button-wrapper', { hasText: decision }).click();
    await recommender.getByTestId('review-text').fill(text);
    await recommender.getByRole('button', { name: '提交审核意见' }).click();
    await recommender.getByText('审核意见已提交').waitFor();
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    const office = (await sut.addUser('ili', 'ili-office', ['office'])).token;
    await sut.addUser('ili', 'portal-applicant', ['applicant']);
    const dept = await sut.addUser('ili', 'portal-dept', ['recommender']);
    const cycle = await sut.call('POST', '/api/v1/tenants/ili/cycles', {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    if (cycle.status !== 201) throw new Error(`cycle: ${JSON.stringify(cycle.body)}`);
    const recommender = await sut.call('POST', '/api/v1/tenants/ili/recommenders', {
      token: office,
      body: { name: DEPARTMENT, kind: 'department', userIds: [dept.id] },
    });
    if (recommender.status !== 201) throw new Error(`recommender: ${JSON.stringify(recommender.body)}`);
    recommenderId = recommender.body.id as string;
    // Another applicant, through the API, up to internal publicity: the recommender refuses it later.
    otherToken = (await sut.addUser('ili', 'portal-applicant-2', ['applicant'])).token;
    const api = '/api/v1/tenants/ili';
    const steps: [string, string, unknown][] = [
      [
        'POST',
        `${api}/applicants`,
        { kind: 'organisation', name: OTHER_COMPANY, creditCode: creditCodeFor(7302), legalForm: 'legal_person' },
      ],
      ['POST', `${api}/applications`, { cycleNumber: 1, facts: ELIGIBLE_FACTS }],
      ['POST', `${api}/applications/{id}/state-secret-statement`, { noStateSecrets: true }],
      ['POST', `${api}/applications/{id}/internal-publicity`, { startedOn: '2026-11-23', evidence: '公示照片' }],
    ];
    for (const [method, url, body] of steps) {
      const done = await sut.call(method, url.replace('{id}', otherApplicationId), { token: otherToken, body });
      if (done.status >= 300) throw new Error(`${url}: ${done.status} ${JSON.stringify(done.body)}`);
      if (url.endsWith('/applications')) otherApplicationId = done.body.id as string;
    }
    await sut.objectionRulesReady('ili', office);
    browser = await launchBrowser();
    applicant = await browser.page();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('signs the applicant in to its portal and refuses a bad credit code and phone under their fields, in Chinese', async () => {
    await signIn(applicant, 'portal-applicant');
    await applicant.waitForURL('**/applicant/ili');
    await applicant.getByText('登记申报主体').waitFor();
    await applicant.getByLabel('单位名称').fill(COMPANY);
    // The check character is wrong: caught as typed.
    await applicant.getByLabel('统一社会信用代码').fill('91110000600037341M');
    await applicant.getByRole('button', { name: /登\s*记/ }).click();
    await applicant.getByText('统一社会信用代码校验位不符，请核对').waitFor();
    // A right code but a phone number the service refuses: its problem+json names body.phone, shown under the field.
    await applicant.getByLabel('统一社会信用代码').fill('91110000600037341L');
    await applicant.getByLabel('联系电话').fill('12345');
    await applicant.getByRole('button', { name: /登\s*记/ }).click();
    const phoneError = applicant.locator('#phone_help');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await browser.screenshot(applicant, '30-applicant-register-errors');
  });

  it('registers, starts its application in the open cycle and declares its facts: eligibility per rule with its article', async () => {
    await applicant.getByLabel('联系电话').fill('13812345678');
    await applicant.getByRole('button', { name: /登\s*记/ }).click();
    await applicant.getByText('第1届（2026年）正在受理申报', { exact: false }).waitFor();
    await browser.screenshot(applicant, '31-applicant-home');
    await applicant.getByRole('button', { name: '开始申报' }).click();
    await applicant.waitForURL('**/applicant/ili/applications/*');
    await applicant.getByTestId('eligibility').waitFor();
    await applicant.getByRole('switch').first().click();
    await applicant.getByLabel('经营（成立）年限').fill('8');
    const statement = applicant.locator('textarea[id^="attestations_"]').first();
    if ((await statement.count()) > 0) await statement.fill('坚持党的路线方针政策，质量管理体系有效运行。');
    await applicant.getByRole('button', { name: '保存申报事实' }).click();
    await applicant.getByText('已保存，资格条件已重新核对').waitFor();
    // Every rule shows its article (第八条 …) and its outcome; the conditions left to people say so.
    const eligibility = (await applicant.getByTestId('eligibility').textContent()) ?? '';
    expect(eligibility).toContain('第八条');
    expect(eligibility).toContain('符合');
    expect(eligibility).toContain('由工作人员审核认定');
  });

  it('uploads materials (one a trade secret), states there is no state secret, starts internal publicity', async () => {
    await upload('自评报告', '自评报告.pdf', false);
    await upload('工艺配方', '工艺配方.pdf', true);
    await applicant.getByText('商业秘密', { exact: true }).waitFor();
    await applicant.getByRole('button', { name: '我声明不涉及国家秘密' }).click();
    await applicant.getByText('已声明申报材料不涉及国家秘密（第十条第二款）', { exact: false }).waitFor();

    await pickDate(applicant, '#startedOn', '2026-11-23');
    await applicant.getByLabel('公示证明（公示照片、无异议说明等）').fill('公示照片与公示期内无异议的说明');
    await applicant.getByRole('button', { name: '开始内部公示' }).click();
    // 5 working days, the first day not counted: 24, 25, 26, 27 and 30 November.
    await applicant.getByTestId('publicity-last-day').waitFor();
    expect(await applicant.getByTestId('publicity-last-day').textContent()).toBe('2026年11月30日 24:00（北京时间）');
    expect(await applicant.getByTestId('publicity-period').textContent()).toBe('5 个工作日（第十条）');
    await applicant.getByTestId('application-status').getByText('内部公示中').waitFor();
    await browser.screenshot(applicant, '32-applicant-publicity');
  });

  it('submits to the recommender once the clock is past internal publicity', async () => {
    await sut.settle('2026-12-01T01:00:00Z');
    await applicant.reload();
    await browser.screenshot(applicant, '33-applicant-after-publicity');
    await applicant.getByRole('combobox').click();
    await applicant.locator('.ant-select-item-option', { hasText: DEPARTMENT }).click();
    await applicant.getByRole('button', { name: /提\s*交/ }).click();
    await applicant.getByTestId('application-status').getByText('已提交推荐单位').waitFor();
    await browser.screenshot(applicant, '34-applicant-submitted');
  });

  it('the recommender returns it for correction, with its reasons', async () => {
    recommender = await browser.page();
    await signIn(recommender, 'portal-dept');
    await recommender.waitForURL('**/recommender/ili');
    await review(COMPANY, '退回补正', '自评报告缺少近三年质量绩效数据，请补充后重新提交。');
    await recommender.getByText('退回补正').first().waitFor();
    await browser.screenshot(recommender, '35a-recommender-returned');
  });

  it('after the return the applicant replaces a material, adds one and removes it, downloads its own, submits again', async () => {
    await applicant.reload();
    await applicant.getByTestId('application-status').getByText('退回补正').waitFor();
    const report = applicant.getByTestId('material-actions-自评报告');
    // Submitted once: no removal, but a new version replaces the file.
    expect(await report.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    await report.locator('input[type=file]').setInputFiles({
      name: '自评报告（修订）.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_V2,
    });
    await applicant.getByText('自评报告（修订）.pdf', { exact: false }).waitFor();
    expect(await applicant.getByRole('row', { name: /自评报告（修订）\.pdf/ }).textContent()).toContain('v2');
    // A material added after the return was never submitted: it may be removed.
    await upload('补充说明', '补充说明.pdf', false);
    await applicant
      .getByTestId('material-actions-补充说明')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await applicant
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await applicant.getByRole('cell', { name: '补充说明', exact: true }).waitFor({ state: 'detached' });
    // Its own material, downloaded: the corrected version's bytes under its file name.
    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      report.getByRole('button', { name: /下\s*载/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('自评报告（修订）.pdf');
    expect(await readFile(await download.path())).toEqual(PDF_V2);
    await browser.screenshot(applicant, '34a-applicant-returned-materials');
    await applicant.getByRole('button', { name: /提\s*交/ }).click();
    await applicant.getByTestId('application-status').getByText('已提交推荐单位').waitFor();
  });

  it('the recommender sees it in its queue, without the trade secret, and recommends with its opinion', async () => {
    await recommender.goto(`${sut.gateway.url}/recommender/ili`);
    await recommender.getByRole('link', { name: COMPANY }).click();
    await recommender.getByTestId('recommender-materials').getByText('自评报告').first().waitFor();
    expect(await recommender.getByTestId('recommender-materials').textContent()).not.toContain('工艺配方');
    await browser.screenshot(recommender, '35-recommender-application');
    await recommender.getByTestId('review-text').fill('材料完整、真实，同意推荐。');
    await pickDate(recommender, '#publishedOn', '2026-12-01');
    await recommender.getByRole('button', { name: '提交审核意见' }).click();
    await recommender.getByText('审核意见已提交').waitFor();
    await recommender.getByText('推荐公示中').first().waitFor();
    await browser.screenshot(recommender, '36-recommender-recommended');
    await recommender.goto(`${sut.gateway.url}/recommender/ili`);
    await recommender.getByText('暂无申报').waitFor();
  });

  it('the recommender refuses another application with its reasons', async () => {
    const submitted = await sut.call('POST', `/api/v1/tenants/ili/applications/${otherApplicationId}/submit`, {
      token: otherToken,
      body: { recommenderId },
    });
    expect(submitted.status).toBe(200);
    await review(OTHER_COMPANY, '不予推荐', '经核查，申报材料与实际经营情况不符，不予推荐。');
    await recommender.getByText('不予推荐').first().waitFor();
    await browser.screenshot(recommender, '36a-recommender-refused');
    const seen = await sut.call('GET', `/api/v1/tenants/ili/applications/${otherApplicationId}`, { token: otherToken });
    expect(seen.body.status).toBe('refused');
    await recommender.close();
  });

  it('the applicant then finds its application on the recommendation notice, with the notice’s deadline', async () => {
    await applicant.reload();
    await applicant.getByTestId('application-status').getByText('推荐公示中').waitFor();
    const notices = applicant.getByTestId('application-notices');
    await notices.getByRole('link', { name: '推荐公示' }).waitFor();
    // Published Tuesday 1 December: 2, 3, 4, 7 and 8 December.
    expect(await notices.textContent()).toContain('2026年12月8日 24:00（北京时间）');
    expect(await applicant.getByTestId('recommendation').textContent()).toContain('材料完整、真实，同意推荐。');
    await browser.screenshot(applicant, '37-applicant-on-notice');
  });

  it('no page threw nor logged an error on the way', () => {
    expect(browser.errors).toEqual([]);
  });
});
