import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchPoliciesDirectory } from '@laurel/policy';
import { ChildService, eventually } from '@laurel/testing';
import { renameItem, scheduleDeadline } from '../../../packages/testing/fixtures/probe/src/probe.contracts';
import { asTenant, PROBE_MAIN } from '../../../packages/testing/test/probe.util';
import { OPERATOR, startPlatform } from '../../gateway/test/gateway.util';
import { type Browser, launchBrowser } from './browser.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;
type DeadLetter = { id: string; eventId: string; resolvedAt: string | null };

/**
 * The operator's dashboard in Debian's Chromium, against the gateway and the probe service (whose consumer fails on an
 * item named `fail:always`, so a real dead letter exists): the operator signs in, sees every service's health, sees a
 * queue on Bull Board and replays the dead letter until it shows as resolved; creates a jurisdiction, suspends and
 * resumes one; staff of a jurisdiction are refused.
 */
describe('web: the operator’s dashboard', () => {
  let sut: Platform;
  let consumer: ChildService;
  let browser: Browser;
  let operator: string;
  let office: string;
  let tenantId: string;

  beforeAll(async () => {
    // The awards service too: a jurisdiction created with its policy gets its programme there.
    sut = await startPlatform({}, { awards: true });
    // The probe's consumer, in a process of its own as npm start runs it.
    consumer = await ChildService.start(PROBE_MAIN, sut.infra.env(), ['--consumers']);
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
    const tenant = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: {
        key: 'ili',
        nameZh: '伊犁州质量奖',
        nameEn: 'Ili Quality Award',
        level: 'prefecture',
        divisionCode: '654000',
      },
    });
    tenantId = tenant.body.id as string;
    await sut.call('POST', '/api/v1/tenants/ili/users', {
      token: operator,
      body: { username: 'ili-office', password: 'a-long-password', displayName: '评委办', roles: ['office'] },
    });
    office = await sut.login('ili-office', 'a-long-password');
    browser = await launchBrowser();
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    await consumer?.stop();
    await sut?.close();
  });

  const deadLetters = async () =>
    (await sut.call('GET', '/api/v1/operations/dead-letters/probe?includeResolved=true', { token: operator })).body
      .deadLetters as DeadLetter[];

  it('the operator signs in, sees the services’ health, a queue on the board, and replays a dead letter', async () => {
    // An event its consumer fails on, every time: after its tries it is a dead letter.
    const item = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
      token: office,
      body: { name: 'fail:always' },
    });
    const letter = await eventually(
      async () => {
        const found = (await deadLetters()).find((d) => d.resolvedAt === null);
        expect(found).toBeDefined();
        return found as DeadLetter;
      },
      { timeoutMs: 20000 },
    );
    // A deadline job, so the probe's queue exists.
    await sut.probe.runtime.client.request(
      scheduleDeadline,
      { itemId: item.body.id as string, dueAt: '2099-01-01T00:00:00Z' },
      { context: asTenant(tenantId) },
    );

    const page = await browser.page();
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(OPERATOR.username);
    await page.getByLabel('密码').fill(OPERATOR.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/operator/health');
    await page.getByRole('cell', { name: 'probe' }).waitFor();
    await page.getByRole('cell', { name: /网关（gateway）/ }).waitFor();
    expect(await page.getByTestId('platform-status').textContent()).toContain('正常');
    await browser.screenshot(page, '30-operator-health');

    await page.getByRole('link', { name: '辖区与用户' }).click();
    await page.getByRole('link', { name: '伊犁州质量奖' }).click();
    await page.getByRole('cell', { name: 'ili-office' }).waitFor();
    await browser.screenshot(page, '31-operator-tenant-users');

    await page.getByRole('link', { name: '事件管道' }).click();
    await page.getByTestId('backlog-chart').locator('canvas').waitFor();
    await page.getByRole('cell', { name: 'probe-item-effects' }).waitFor();
    await browser.screenshot(page, '32-operator-event-pipeline');

    await page.getByRole('link', { name: '任务队列' }).click();
    const opened = browser.context.waitForEvent('page');
    await page.getByTestId('open-board').click();
    const board = await opened;
    await board.getByText('probe-deadlines').first().waitFor();
    await browser.screenshot(board, '33-operator-queue-board');
    await board.close();

    // The cause is fixed; the operator replays the letter and its consumer resolves it.
    await sut.probe.runtime.client.request(
      renameItem,
      { id: item.body.id as string, name: 'fixed' },
      { context: asTenant(tenantId) },
    );
    await page.getByRole('link', { name: '死信' }).click();
    await page.getByRole('cell', { name: 'probe-item-effects' }).waitFor();
    await browser.screenshot(page, '34-operator-dead-letter');
    await page.getByRole('button', { name: /重\s*放/ }).click();
    await page.getByTestId('letter-resolved').waitFor({ timeout: 20000 });
    await browser.screenshot(page, '35-operator-dead-letter-resolved');
    expect((await deadLetters()).find((d) => d.id === letter.id)?.resolvedAt).not.toBeNull();
    expect(browser.errors).toEqual([]);
  });

  it('creates a jurisdiction from its policy file, listing each problem with its field, and loads a calendar year', async () => {
    const policy = JSON.parse(readFileSync(path.join(launchPoliciesDirectory(), 'xinzhou-city.json'), 'utf8'));
    const file = (name: string, document: unknown) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(document)),
    });
    const page = await browser.page();
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(OPERATOR.username);
    await page.getByLabel('密码').fill(OPERATOR.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/operator/health');
    await page.getByRole('link', { name: '辖区与用户' }).click();
    await page.getByRole('button', { name: '新建辖区' }).click();
    // A policy whose version is not a number and whose name is missing: both problems, each with its field.
    const { name: _name, ...nameless } = policy;
    await page.locator('input[type=file]').setInputFiles(file('broken.json', { ...nameless, version: 'one' }));
    await page.getByLabel(/行政区划代码/).fill('140900');
    await page.getByRole('button', { name: /创\s*建/ }).click();
    const problems = page.getByTestId('policy-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('body.policy.version');
    expect(await problems.textContent()).toContain('body.policy.name');
    await browser.screenshot(page, '37-operator-policy-problems');
    await page.locator('input[type=file]').setInputFiles(file('xinzhou-city.json', policy));
    await page.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByRole('link', { name: policy.name.zh ?? policy.name }).waitFor();
    await browser.screenshot(page, '38-operator-tenants');

    // Suspends ili (its staff may then only read, the public sees nothing of it), then resumes it.
    const ili = page.getByRole('row', { name: /伊犁州质量奖/ });
    const status = async () =>
      (
        (await sut.call('GET', '/api/v1/tenants', { token: operator })).body.tenants as {
          key: string;
          status: string;
        }[]
      ).find((tenant) => tenant.key === 'ili')?.status;
    await ili.getByRole('button', { name: /暂\s*停/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已暂停：伊犁州质量奖').waitFor();
    await ili.getByText('已暂停', { exact: true }).waitFor();
    expect(await status()).toBe('suspended');
    const refused = await sut.call('POST', '/api/v1/tenants/ili/probe/items', { token: office, body: { name: 'x' } });
    expect(refused.body.code).toBe('tenant_suspended');
    await browser.screenshot(page, '38a-operator-tenant-suspended');
    await ili.getByRole('button', { name: /恢\s*复/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已恢复：伊犁州质量奖').waitFor();
    await ili.getByText('正常', { exact: true }).waitFor();
    expect(await status()).toBe('active');

    await page.getByRole('link', { name: '工作日历' }).click();
    await page.getByLabel('年份').fill('2031');
    await page.getByLabel(/节假日/).fill('2031-01-01 元旦\n2031-10-01~2031-10-07 国庆节');
    await page.getByLabel(/调休上班日/).fill('2031-09-28 2031-10-11');
    await page.getByLabel(/来源/).fill('国办发明电〔2030〕1号');
    await page.getByRole('button', { name: '载入并通知各服务' }).click();
    await page.getByText('已载入 2031 年').waitFor();
    await page.getByRole('cell', { name: '国办发明电〔2030〕1号' }).waitFor();
    await browser.screenshot(page, '39-operator-calendar');
    const year = await sut.call('GET', '/api/v1/calendar/years/2031', { token: operator });
    expect(year.body).toMatchObject({ provisional: false, source: '国办发明电〔2030〕1号' });

    await page.getByRole('link', { name: '演练时钟' }).click();
    await page.getByText('真实时间', { exact: true }).waitFor();
    await browser.screenshot(page, '40-operator-clock');
    expect(browser.errors).toEqual([]);
  });

  it('refuses the dashboard and the board to a jurisdiction’s staff', async () => {
    // The staff's own browser: the operator's pass (a cookie) from the test above is not in it.
    await browser.context.clearCookies();
    const page = await browser.page();
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill('ili-office');
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/office/ili/**');
    await page.goto(`${sut.gateway.url}/operator/health`);
    await page.getByText('仅限平台运维人员').waitFor();
    await browser.screenshot(page, '36-operator-refused');
    // No pass for staff, and no board without one.
    expect((await sut.call('POST', '/api/v1/operations/queues/pass', { token: office })).status).toBe(403);
    const board = await page.goto(`${sut.gateway.url}/api/v1/operations/queues/board/`);
    expect(board?.status()).toBe(401);
    expect(await board?.text()).toContain('请以运维人员身份登录');
  });
});
