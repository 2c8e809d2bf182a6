import { eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { xinzhouCityTitleWithPromotionDuty } from '../../gateway/test/post-award.util';
import { type Browser, launchBrowser } from './browser.util';

const COMPANY = '忻州某某机械有限公司';

/**
 * The office opens a revocation case from an overdue duty (xinzhou-city 第二十八条 拒绝履行相关责任义务), in Debian's
 * Chromium with the real services: the overdue duty shows its refusal ground and the action; the office writes its
 * finding and lands on the case, whose evidence is the duty and which says where it came from.
 */
describe('web: a revocation case opened from an overdue duty (xinzhou-city)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  const clock = new TestClock('2026-06-01T02:00:00Z');

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city'] });
    const office = (await sut.addUser('xinzhou-city', 'xzc-office', ['office'])).token;
    const { dutyId } = await xinzhouCityTitleWithPromotionDuty(sut, {
      office,
      name: COMPANY,
      code: 5301,
      decidedOn: '2026-06-01',
      closesOn: '2026-06-30',
      dueDate: '2026-09-30',
    });
    await sut.settle('2026-09-30T16:00:00Z');
    await eventually(
      async () =>
        expect(
          (await sut.call('GET', `/api/v1/tenants/xinzhou-city/duties/${dutyId}`, { token: office })).body.status,
        ).toBe('overdue'),
      { timeoutMs: 15000 },
    );
    browser = await launchBrowser();
    page = await browser.page();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the office opens the case from the overdue duty and lands on it', async () => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill('xzc-office');
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.goto(`${sut.gateway.url}/office/xinzhou-city/duties`);
    const row = page.getByRole('row').filter({ hasText: '宣传推广质量管理经验' });
    await row.getByText('拒绝履行义务（第二十八条）').waitFor();
    await browser.screenshot(page, 'revocation-from-duty-01-overdue');
    await row.getByRole('button', { name: '提起撤销' }).click();
    await page.getByLabel('事实与理由').fill('经两次书面督促，仍拒绝参加市质量强市宣传推广活动');
    await browser.screenshot(page, 'revocation-from-duty-02-form');
    await page.getByRole('button', { name: /立\s*案/ }).click();
    await page.waitForURL(/\/revocations\/[0-9a-f-]{36}$/);
    await page.getByText('逾期未履行的获奖后义务').waitFor();
    await page.getByText(/逾期未履行：宣传推广质量管理经验/).waitFor();
    await browser.screenshot(page, 'revocation-from-duty-03-case');
    expect(browser.errors).toEqual([]);
  });
});
