import { creditCodeFor, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { grantTitle } from '../../gateway/test/post-award.util';
import { type Browser, launchBrowser } from './browser.util';

const COMPANY = '临夏县某某食品有限公司';

/**
 * After the award (linxia), in Debian's Chromium with the real services: the holder signs in to the applicant portal,
 * finds its title with its certificate, follows the certificate number to the public verification page (the QR code's
 * address), which says valid; back in the portal it submits its first July self-assessment (linxia 第三十二条). The office
 * sees the title with its certificate, and the submitted duty. The title comes from the recorded approval (which plans
 * its duties); the certificate is issued through the API.
 */
describe('web: a certificate verified from its public page and a post-award duty submitted (linxia)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  let number: string;
  const clock = new TestClock('2026-12-01T02:00:00Z');
  const api = '/api/v1/tenants/linxia';

  const signIn = async (username: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia'] });
    const office = (await sut.addUser('linxia', 'linxia-office', ['office'])).token;
    const holder = (await sut.addUser('linxia', 'linxia-holder', ['applicant'])).token;
    const registered = await sut.call('POST', `${api}/applicants`, {
      token: holder,
      body: { kind: 'organisation', name: COMPANY, creditCode: creditCodeFor(31), legalForm: 'legal_person' },
    });
    if (registered.status !== 201) throw new Error(`applicant: ${JSON.stringify(registered.body)}`);
    const titleId = await grantTitle(sut, clock, {
      tenant: 'linxia',
      office,
      applicantId: registered.body.id as string,
      name: COMPANY,
      decidedOn: '2026-12-01',
      documentNumber: '临县政发〔2026〕41号',
    });
    const issued = await sut.call('POST', `${api}/titles/${titleId}/certificate`, { token: office });
    if (issued.status !== 201) throw new Error(`certificate: ${JSON.stringify(issued.body)}`);
    number = issued.body.number as string;
    browser = await launchBrowser();
    page = await browser.page();
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the holder follows its certificate number to the public page, which says valid', async () => {
    await signIn('linxia-holder');
    await page.getByText('我的称号与证书').waitFor();
    await browser.screenshot(page, '80-holder-titles');
    await page.getByTestId('certificate-number').click();
    await page.waitForURL(`**/p/linxia/certificates/${number}`);
    await page.getByTestId('certificate-verdict').getByText('有效').waitFor();
    await page.getByText(COMPANY).first().waitFor();
    await browser.screenshot(page, '81-certificate-verified');
  });

  it('the holder submits its first July self-assessment; the office sees it submitted', async () => {
    await page.goto(`${sut.gateway.url}/applicant/linxia`);
    const row = page.getByRole('row').filter({ hasText: '自评报告 #1' });
    await row.getByRole('button', { name: /报\s*送/ }).click();
    await page.getByTestId('duty-submission').fill('2026年度自评报告：质量管理体系运行良好，主要指标全部完成。');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /报\s*送/ })
      .click();
    await row.getByText('已报送').waitFor();
    await browser.screenshot(page, '82-duty-submitted');

    await signIn('linxia-office');
    await page.waitForURL('**/office/linxia/**');
    await page.goto(`${sut.gateway.url}/office/linxia/certificates`);
    await page.getByRole('link', { name: number }).waitFor();
    await browser.screenshot(page, '83-office-certificates');
    await page.goto(`${sut.gateway.url}/office/linxia/duties?status=submitted`);
    await page.getByRole('cell', { name: '自评报告 #1' }).waitFor();
    await browser.screenshot(page, '84-office-duties');
    expect(browser.errors).toEqual([]);
  });
});
