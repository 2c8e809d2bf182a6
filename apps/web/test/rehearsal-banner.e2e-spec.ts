import { TestInfrastructure } from '@laurel/testing';
import { type RunningGateway, startGateway } from '../../gateway/src/gateway-app';
import { type Browser, launchBrowser } from './browser.util';

const JWT = 'test-secret-test-secret-test-secret-1234';

/**
 * A rehearsal platform says so on every page, with its virtual time, in a colour no production page uses (issue 12;
 * ADR 0017); a real platform shows nothing of the kind.
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

  it('shows no banner on a real-time platform', async () => {
    const gateway = await start({});
    const page = await browser.page();
    const clock = page.waitForResponse((response) => response.url().endsWith('/api/v1/clock'));
    await page.goto(`${gateway.url}/`);
    expect((await (await clock).json()).mode).toBe('real');
    expect(await page.getByTestId('rehearsal-banner').count()).toBe(0);
  });
});
