import { TestInfrastructure } from '@laurel/testing';
import { type RunningGateway, seedOperator, startGateway } from '../../gateway/src/gateway-app';
import { OPERATOR } from '../../gateway/test/gateway.util';
import { type Browser, launchBrowser } from './browser.util';

const JWT = 'test-secret-test-secret-test-secret-1234';

/**
 * A rehearsal platform says so on every page, with its virtual time, in a colour no production page uses (issue 12;
 * ADR 0017); a real platform shows nothing of the kind. The operator moves the rehearsal clock from the dashboard.
 */
describe('the rehearsal banner', () => {
  let infra: TestInfrastructure;
  let browser: Browser;
  const gateways: RunningGateway[] = [];
  const start = async (env: Record<string, string>) => {
    const gateway = await startGateway({
      env: infra.env({ LAUREL_JWT_SECRET: JWT, LAUREL_HTTP_PORT: '0', ...env }),
      services: [],
    });
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    browser = await launchBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    for (const gateway of gateways) await gateway.close();
    await infra?.dispose();
  });

  it('shows the virtual time above the header of the public and office pages on a rehearsal platform', async () => {
    // 9 October 2026, 10:00 in Beijing.
    const gateway = await start({ LAUREL_CLOCK: 'virtual', LAUREL_CLOCK_START: '2026-10-09T02:00:00Z' });
    const page = await browser.page();
    await page.goto(`${gateway.url}/`);
    const banner = page.getByTestId('rehearsal-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('演练平台');
    expect(await banner.textContent()).toContain('2026年10月9日 10:00');
    await browser.screenshot(page, '20-rehearsal-home');
    await page.goto(`${gateway.url}/office/login`);
    await page.getByTestId('rehearsal-banner').waitFor();
    await browser.screenshot(page, '21-rehearsal-office-login');
    expect(browser.errors).toEqual([]);
  });

  it('the operator moves the rehearsal clock from the dashboard, and the banner follows', async () => {
    const gateway = await start({ LAUREL_CLOCK: 'virtual', LAUREL_CLOCK_START: '2026-10-09T02:00:00Z' });
    await seedOperator(gateway, OPERATOR.username, OPERATOR.password);
    const page = await browser.page();
    await page.goto(`${gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(OPERATOR.username);
    await page.getByLabel('密码').fill(OPERATOR.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/operator/health');
    await page.getByRole('link', { name: '演练时钟' }).click();
    await page.getByText('演练平台（虚拟时钟）').waitFor();
    expect(await page.getByTestId('clock-now').textContent()).toContain('2026年10月9日');
    // Seven days ahead (ISO 8601 duration); each service would run the deadlines that fell due on the way.
    await page.getByPlaceholder(/ISO 8601 时长/).fill('P7D');
    await page.getByRole('button', { name: /拨\s*动/ }).click();
    await page.getByText(/已从 2026年10月9日 10:0\d（北京时间） 拨到 2026年10月16日 10:0\d/).waitFor();
    await page
      .getByTestId('clock-now')
      .getByText(/2026年10月16日/)
      .waitFor();
    // The banner above the dashboard follows at once.
    await page
      .getByTestId('rehearsal-banner')
      .getByText(/2026年10月16日/)
      .waitFor();
    await browser.screenshot(page, '22-rehearsal-clock-moved');
    await page.goto(`${gateway.url}/`);
    const banner = page.getByTestId('rehearsal-banner');
    await banner.getByText(/2026年10月16日/).waitFor();
    expect(browser.errors).toEqual([]);
  });

  it('shows no banner on a real-time platform', async () => {
    const gateway = await start({});
    const page = await browser.page();
    const clock = page.waitForResponse((response) => response.url().endsWith('/api/v1/clock'));
    await page.goto(`${gateway.url}/`);
    expect((await (await clock).json()).mode).toBe('real');
    expect(await page.getByTestId('rehearsal-banner').count()).toBe(0);
  });
});
