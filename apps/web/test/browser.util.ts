import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`; `npm test` installs it with fonts-noto-cjk when missing). Never downloaded. */
export const CHROMIUM = process.env.LAUREL_CHROMIUM ?? '/usr/bin/chromium';

/** Where each page's screenshot goes (gitignored): look at them to see that Chinese renders. */
export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

export interface Browser {
  context: BrowserContext;
  /** Uncaught errors and console errors of every page: a page that threw shows nothing, and the test must say so. */
  errors: string[];
  page(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A headless Chromium in zh-CN and Beijing time with an empty profile: no sandbox (root in CI), no GPU, no QUIC, no
 * first run, no background networking, component update or sync (Playwright adds `--headless` itself).
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk`);
  const profile = await mkdtemp(path.join(tmpdir(), 'laurel-chromium-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15000);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is the page's expected answer (e.g. 404 of a mistyped receipt number), not a page error.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
        errors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  };
  return {
    context,
    errors,
    page: async () => watch(await context.newPage()),
    async screenshot(page, name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
