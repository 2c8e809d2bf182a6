import { TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  EVIDENCE_PDF,
  type Json,
  OBJECTOR,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * linxia in the browser: the objector answers the written result with the token given at filing (第二十三条); a report
 * (举报) is filed on the public page and followed with its token after the committee office replies (第二十四条); the
 * public pages switch to English, dates still in Beijing time.
 */
describe('web: confirming a result and reporting misconduct (linxia)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let page: Page;
  let office: string;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const filed = { receiptNumber: '', token: '' };
  let reportToken = '';

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia'] });
    office = (await sut.addUser('linxia', 'linxia-office', ['office'])).token;
    await sut.objectionRulesReady('linxia', office);
    const notice = await sut.call('POST', '/api/v1/tenants/linxia/notices', {
      token: office,
      body: {
        stage: 'proposed_winners',
        title: '临夏州州长质量奖拟授奖名单公示',
        publishedOn: '2026-11-23',
        entries: [
          {
            subjectKind: 'organisation',
            subjectId: 'lx-a',
            subjectName: '临夏示范食品有限公司',
            proposal: '拟授予质量奖',
          },
        ],
      },
    });
    const entryId = ((notice.body.entries as Json[])[0] as Json).id;
    const objection = await sut.call('POST', `/api/v1/public/linxia/notices/${notice.body.id}/objections`, {
      body: {
        entryId,
        objector: OBJECTOR,
        grounds: '该单位产品近期抽检不合格，不符合条件。',
        evidence: [EVIDENCE_PDF],
      },
    });
    if (objection.status !== 201) throw new Error(`objection: ${JSON.stringify(objection.body)}`);
    filed.receiptNumber = objection.body.receiptNumber as string;
    filed.token = objection.body.token as string;
    const listed = await sut.call('GET', '/api/v1/tenants/linxia/objections', { token: office });
    const id = ((listed.body.objections as Json[])[0] as Json).id;
    const base = `/api/v1/tenants/linxia/objections/${id}`;
    for (const [action, body] of [
      ['admit', {}],
      ['investigators', { name: '马六', declaration: { hasInterest: false } }],
      ['findings', { text: '已调取抽检记录，产品合格。' }],
      ['decision', { outcome: 'dismissed', reasons: '经核查抽检记录，异议所述不实。' }],
    ] as const) {
      const done = await sut.call('POST', `${base}/${action}`, { token: office, body });
      if (done.status !== 200) throw new Error(`${action}: ${JSON.stringify(done.body)}`);
    }
    browser = await launchBrowser();
    page = await browser.page();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the objector reads the result letter and confirms it with the token', async () => {
    await page.goto(`${sut.gateway.url}/p/linxia/track?receipt=${filed.receiptNumber}`);
    await page.getByTestId('result-letter').waitFor();
    await page.getByText('对处理结果的意见').waitFor();
    await browser.screenshot(page, '21-public-confirmation-asked');
    await page.getByLabel('查询凭证（提交异议时获得）').fill(filed.token);
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('您已确认处理结果').waitFor();
    await browser.screenshot(page, '22-public-confirmation-given');
    const track = await sut.call('GET', `/api/v1/public/linxia/objections/${filed.receiptNumber}`);
    expect((track.body.result as Json).confirmation).toMatchObject({ requested: true, response: 'confirmed' });
  });

  it('a report is filed on the public page; its token follows the committee office’s reply', async () => {
    await page.goto(`${sut.gateway.url}/p/linxia/report`);
    await page.getByLabel('姓名').fill('王五');
    await page.getByLabel('被举报对象或事项').fill('材料评审环节');
    await page.getByLabel('举报内容').fill('评审专家与申报单位存在利害关系，未回避。');
    await browser.screenshot(page, '23-public-report-form');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('举报已收到').waitFor();
    reportToken = (await page.getByTestId('report-token').textContent()) ?? '';
    expect(reportToken.length).toBeGreaterThanOrEqual(20);
    await browser.screenshot(page, '24-public-report-filed');

    const reports = await sut.call('GET', '/api/v1/tenants/linxia/reports', { token: office });
    const reportId = ((reports.body.reports as Json[])[0] as Json).id;
    const replied = await sut.call('POST', `/api/v1/tenants/linxia/reports/${reportId}/replies`, {
      token: office,
      body: { status: 'handling', message: '已收到，正在核查。' },
    });
    expect(replied.status).toBe(200);

    await page.getByRole('button', { name: '查询举报办理情况' }).click();
    await page.getByPlaceholder('查询凭证').fill(reportToken);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('已收到，正在核查。').waitFor();
    await page.getByText('处理中').waitFor();
    await browser.screenshot(page, '25-public-report-track');
  });

  it('the public pages switch to English, dates still in Beijing time', async () => {
    await page.goto(`${sut.gateway.url}/p/linxia`);
    await page.getByText('English', { exact: true }).click();
    await page.getByText('The award and its regulation').waitFor();
    await page.getByText('30 Nov 2026, 24:00 (Beijing time)').waitFor();
    await browser.screenshot(page, '26-public-programme-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByText('奖项与管理办法').waitFor();
  });

  it('no page threw nor logged an error on the way', () => {
    expect(browser.errors).toEqual([]);
  });
});
