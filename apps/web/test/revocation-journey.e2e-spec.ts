import { TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  type Json,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { titlesOfCycleOne } from '../../gateway/test/titles.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * The office opens a revocation case against a title (ili, fraud), records the prefecture government's approval,
 * and sees each consequence step with its article; the public reads the credit record; another jurisdiction's office
 * sees the cross-tenant flag on an application of the same organisation, without the file.
 */
describe('web: a revocation from the case to the credit record and the cross-tenant flag', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  const START = '2026-11-23T02:00:00Z';
  const clock = new TestClock(START);
  const creditCode = creditCodeFor(5101);
  let titleId = '';
  let xzdApplicationId = '';
  let xzdOffice = '';

  const signIn = async (username: string, tenant: string) => {
    const page = await browser.page();
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`**/office/${tenant}/**`);
    return page;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['ili', 'xinzhou-district'],
      gatewayEnv: { LAUREL_CLOCK: 'virtual', LAUREL_CLOCK_START: START },
    });
    browser = await launchBrowser();
    const iliOffice = (await sut.addUser('ili', 'ili-office', ['office'])).token;
    xzdOffice = (await sut.addUser('xinzhou-district', 'xzd-office', ['office'])).token;
    const operator = await sut.login('operator');
    const iliId = (await sut.call('GET', '/api/v1/tenants/ili', { token: operator })).body.id as string;
    const opened = await sut.call('POST', '/api/v1/tenants/ili/cycles', {
      token: iliOffice,
      body: { year: 2024, opensOn: '2024-12-20', closesOn: '2025-02-28' },
    });
    if (opened.status !== 201) throw new Error(`cycle: ${JSON.stringify(opened.body)}`);
    if ((await sut.call('POST', '/api/v1/tenants/ili/cycles/1/close', { token: iliOffice })).status !== 200) {
      throw new Error('close cycle 1');
    }
    const titles = await titlesOfCycleOne(
      sut,
      { key: 'ili', id: iliId, office: iliOffice },
      [{ name: '伊犁示范企业有限公司', code: 5101 }],
      { approvingBody: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政发〔2025〕3号', decidedOn: '2025-06-01' },
    );
    titleId = titles['伊犁示范企业有限公司']?.titleId as string;
    const xzdCycle = await sut.call('POST', '/api/v1/tenants/xinzhou-district/cycles', {
      token: xzdOffice,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-31' },
    });
    if (xzdCycle.status !== 201) throw new Error(`cycle: ${JSON.stringify(xzdCycle.body)}`);
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('opens the case, records the approval, and shows each consequence with its article', async () => {
    const page = await signIn('ili-office', 'ili');
    await page.getByRole('link', { name: '撤销案件' }).click();
    await page
      .getByRole('button', { name: /立\s*案/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('称号编号').fill(titleId);
    await dialog.getByLabel('事由').click();
    await page.getByTitle('以欺骗、贿赂等不正当手段获奖').click();
    await dialog.getByLabel('发生日期').fill('2026-11-10');
    await dialog.getByLabel('发生日期').press('Enter');
    await dialog.getByLabel('情况说明').fill('申报期间向评审人员行贿');
    await dialog.getByLabel('证据名称').fill('州纪委监委调查报告');
    await dialog.getByLabel('证据文号或出处').fill('伊纪查〔2026〕7号');
    await dialog.getByRole('button', { name: /立\s*案/ }).click();
    await page.waitForURL('**/office/ili/revocations/*');
    await page.getByText('ili 第二十八条第二款：无时间限制').waitFor();
    await page.getByLabel('批准机关').fill('伊犁哈萨克自治州人民政府');
    await page.getByLabel('文号').fill('伊州政函〔2026〕88号');
    await page.getByLabel('批准日期').fill('2026-11-23');
    // Enter picks the date and submits the form (the 记录批准 button's own action).
    await page.getByLabel('批准日期').press('Enter');
    await page.getByText('伊犁哈萨克自治州人民政府 伊州政函〔2026〕88号（2026-11-23）').waitFor();
    const steps = page.getByTestId('revocation-steps');
    for (const step of ['撤销称号', '收回证书、奖牌', '禁止申报', '录入信用系统', '向社会公开']) {
      await steps.getByText(step, { exact: true }).waitFor();
    }
    expect(await steps.getByText('ili 第二十八条第二款').count()).toBe(5);
    await browser.screenshot(page, '90-revocation-applied');
    await page.getByRole('link', { name: '禁止申报' }).click();
    await page.getByText('2036').waitFor();
    expect(browser.errors).toEqual([]);
  });

  it('the public reads the credit record', async () => {
    const page = await browser.page();
    await page.goto(`${sut.gateway.url}/p/ili/credit-record`);
    await page.getByText('伊犁示范企业有限公司').waitFor();
    await page.getByText(creditCode).waitFor();
    await page.getByText('国家企业信用信息公示系统（新疆）').waitFor();
    expect(await page.content()).not.toContain('伊纪查');
    await browser.screenshot(page, '91-public-credit-record');
    expect(browser.errors).toEqual([]);
  });

  it('another jurisdiction’s office sees the flag on the application page, not the file', async () => {
    // The office registers the organisation from its page: the register's flags are shown at once.
    const page = await signIn('xzd-office', 'xinzhou-district');
    await page.goto(`${sut.gateway.url}/office/xinzhou-district/applicants`);
    await page.getByRole('button', { name: '登记申报主体' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称/姓名').fill('伊犁示范企业有限公司信州分公司');
    await dialog.getByLabel(/统一社会信用代码（组织）/).fill(creditCode);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const warning = page.locator('.ant-modal-confirm');
    await warning.locator('.ant-modal-confirm-title').getByText('其他辖区的撤销或禁止申报记录').waitFor();
    expect(await warning.textContent()).toContain('ili 第二十八条第二款');
    expect(await warning.textContent()).toContain('2036');
    await browser.screenshot(page, '93-cross-tenant-flag-at-registration');
    await warning.getByRole('button').click();
    const listed = await sut.call('GET', `/api/v1/tenants/xinzhou-district/applicants?creditCode=${creditCode}`, {
      token: xzdOffice,
    });
    const applicant = { body: { id: ((listed.body.applicants as Json[])[0] as Json).id } };
    const application = await sut.call('POST', '/api/v1/tenants/xinzhou-district/applications', {
      token: xzdOffice,
      body: { applicantId: applicant.body.id, cycleNumber: 1, facts: {} },
    });
    expect(application.status).toBe(201);
    xzdApplicationId = (application.body as Json).id as string;
    await page.goto(`${sut.gateway.url}/office/xinzhou-district/applications/${xzdApplicationId}`);
    const flags = page.getByTestId('cross-tenant-flags');
    await flags.waitFor();
    expect(await flags.textContent()).toContain('ili');
    expect(await flags.textContent()).toContain('2036');
    expect(await flags.textContent()).toContain('ili 第二十八条第二款');
    expect(await page.content()).not.toMatch(/伊纪查|行贿/);
    await browser.screenshot(page, '92-cross-tenant-flag');
    expect(browser.errors).toEqual([]);
  });
});
