import { TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  type Json,
  startApplicationsPlatform,
} from '../../gateway/test/applications.util';
import { type Browser, launchBrowser } from './browser.util';

const ILI_NOTICE = '第一届伊犁州质量奖拟授奖名单公示';

/**
 * The office console beyond the work queues: the cycle at a glance (the policy's stages, counts per status counted by
 * the applications service, what falls due this week), the policy explained, the audit trail verified intact, an
 * application's materials and audit entries, and reports for the receiving body (linxia's office) with the reporter
 * masked until revealed with a reason; the applicants and recommenders, each registered from its page. On a rehearsal
 * platform, so that the cycle and the notice's week do not depend on the machine's date.
 */
describe('web: the office console at a glance (ili) and its reports (linxia)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  let ili: Page;
  let iliOffice: string;
  let linxiaOffice: string;
  let applicationId = '';
  // A rehearsal platform (ADR 0017): the gateway's virtual clock (which answers the console's GET /clock) and the
  // services' clock both start at Monday 23 November 2026, 10:00 in Shanghai, whatever the machine's date.
  const START = '2026-11-23T02:00:00Z';
  const clock = new TestClock(START);
  const today = '2026-11-23';

  const signIn = async (page: Page, username: string, tenant: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`**/office/${tenant}/**`);
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['ili', 'linxia'],
      gatewayEnv: { LAUREL_CLOCK: 'virtual', LAUREL_CLOCK_START: START },
    });
    iliOffice = (await sut.addUser('ili', 'ili-office', ['office'])).token;
    linxiaOffice = (await sut.addUser('linxia', 'linxia-office', ['office'])).token;
    await sut.objectionRulesReady('ili', iliOffice);
    const cycle = await sut.call('POST', '/api/v1/tenants/ili/cycles', {
      token: iliOffice,
      body: {
        year: Number(today.slice(0, 4)),
        opensOn: `${today.slice(0, 4)}-01-01`,
        closesOn: `${today.slice(0, 4)}-12-31`,
      },
    });
    if (cycle.status !== 201) throw new Error(`cycle: ${JSON.stringify(cycle.body)}`);
    for (const n of [1, 2]) {
      const applicant = await sut.call('POST', '/api/v1/tenants/ili/applicants', {
        token: iliOffice,
        body: {
          kind: 'organisation',
          name: `伊犁示范企业${n}有限公司`,
          creditCode: creditCodeFor(n),
          legalForm: 'legal_person',
        },
      });
      const application = await sut.call('POST', '/api/v1/tenants/ili/applications', {
        token: iliOffice,
        body: {
          applicantId: applicant.body.id,
          cycleNumber: 1,
          facts: { registeredInJurisdiction: true, yearsOperating: 8 },
        },
      });
      if (application.status !== 201) throw new Error(`application: ${JSON.stringify(application.body)}`);
      applicationId = application.body.id as string;
    }
    const notice = await sut.call('POST', '/api/v1/tenants/ili/notices', {
      token: iliOffice,
      body: {
        stage: 'proposed_winners',
        title: ILI_NOTICE,
        publishedOn: today,
        entries: [
          {
            subjectKind: 'organisation',
            subjectId: 'ili-a',
            subjectName: '伊犁示范机械有限公司',
            proposal: '拟授予质量奖',
          },
        ],
      },
    });
    if (notice.status !== 201) throw new Error(`notice: ${JSON.stringify(notice.body)}`);
    const report = await sut.call('POST', '/api/v1/public/linxia/reports', {
      body: {
        reporter: {
          name: '举报人甲',
          phone: '13912345678',
          idNumber: '11010519491231002X',
          address: '临夏县某路 1 号',
        },
        concerning: '受理',
        details: '受理环节收受申报单位礼品。',
      },
    });
    if (report.status !== 201) throw new Error(`report: ${JSON.stringify(report.body)}`);
    browser = await launchBrowser();
    ili = await browser.page();
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('counts applications per status and stage in the applications service, for the office only', async () => {
    const counts = await sut.call('GET', '/api/v1/tenants/ili/applications/counts?cycle=1', { token: iliOffice });
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({ total: 2, byStatus: [{ status: 'draft', count: 2 }], byStage: [expect.any(Object)] });
    expect((counts.body.byStage as Json[]).reduce((sum, s) => sum + (s.count as number), 0)).toBe(2);
    // Another jurisdiction's office counts its own applications: none.
    const linxia = await sut.call('GET', '/api/v1/tenants/linxia/applications/counts', { token: linxiaOffice });
    expect(linxia.body).toEqual({ total: 0, byStatus: [], byStage: [] });
    const applicant = (await sut.addUser('ili', 'ili-applicant', ['applicant'])).token;
    expect((await sut.call('GET', '/api/v1/tenants/ili/applications/counts', { token: applicant })).status).toBe(403);
  });

  it('lands on the cycle at a glance: the stages as a timeline, the counts, the notice closing this week', async () => {
    await signIn(ili, 'ili-office', 'ili');
    expect(ili.url()).toMatch(/\/office\/ili\/cycle$/);
    await ili
      .getByText(`第1届（${today.slice(0, 4)}）`)
      .first()
      .waitFor();
    await ili.getByTestId('cycle-timeline').waitFor();
    const counts = ili.getByTestId('status-counts');
    await counts.getByText('草稿').waitFor();
    expect(await counts.textContent()).toContain('2');
    // Published today, 5 working days (ili 第十七条): the last day is within seven days.
    await ili.getByTestId('deadlines').getByText(`公示截止：${ILI_NOTICE}`).waitFor();
    await browser.screenshot(ili, '40-office-cycle-at-a-glance');
  });

  it('explains the policy in plain Chinese, each rule with its article', async () => {
    await ili.getByRole('link', { name: '管理办法解读' }).click();
    const text = ili.getByTestId('policy-text');
    await text.waitFor();
    expect(await text.textContent()).toMatch(/伊犁.*质量奖/);
    expect(await text.textContent()).toMatch(/第[一二三四五六七八九十]+条/);
    await browser.screenshot(ili, '41-office-policy-explained');
  });

  it('shows the audit trail with its verification intact, and an application with its materials and audit entries', async () => {
    await ili.getByRole('link', { name: '审计记录' }).click();
    await ili
      .getByTestId('audit-verification')
      .getByText(/哈希链校验完整/)
      .waitFor();
    await ili
      .getByText('application.create')
      .first()
      .waitFor({ timeout: 15000 })
      .catch(() => undefined);
    await browser.screenshot(ili, '42-office-audit-verified');
    await ili.goto(`${sut.gateway.url}/office/ili/applications/${applicationId}`);
    await ili.getByTestId('materials').getByText('尚未上传材料').waitFor();
    await ili.getByText('针对本申报的异议').waitFor();
    await ili.getByTestId('application-audit').waitFor();
    expect(await ili.getByTestId('application-audit').locator('tbody tr').count()).toBeGreaterThan(0);
    await browser.screenshot(ili, '43-office-application-records');
  });

  it('lists the applicants and registers one, lists the recommenders and adds one', async () => {
    await ili.getByRole('link', { name: '申报主体' }).click();
    await ili.getByRole('cell', { name: '伊犁示范企业1有限公司' }).waitFor();
    await ili.getByRole('cell', { name: '伊犁示范企业2有限公司' }).waitFor();
    await ili.getByRole('button', { name: '登记申报主体' }).click();
    const applicant = ili.locator('.ant-modal');
    await applicant.getByLabel('名称/姓名').fill('伊犁新登记食品有限公司');
    await applicant.getByLabel(/统一社会信用代码（组织）/).fill(creditCodeFor(3));
    await applicant.getByRole('button', { name: /确\s*定|OK/ }).click();
    await ili.getByText('申报主体已登记').waitFor();
    await ili.getByRole('cell', { name: '伊犁新登记食品有限公司' }).waitFor();
    // Searched by name: the one registered alone. The dialog gives focus back to its opener as it finishes closing;
    // typing before then can send the Enter to the opener instead of the search box.
    await applicant.waitFor({ state: 'hidden' });
    await ili.getByPlaceholder('名称').fill('新登记');
    await ili.getByPlaceholder('名称').press('Enter');
    await ili.getByRole('cell', { name: '伊犁示范企业1有限公司' }).waitFor({ state: 'detached' });
    await ili.getByRole('cell', { name: '伊犁新登记食品有限公司' }).waitFor();
    expect(await ili.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await browser.screenshot(ili, '46-office-applicants');

    await ili.getByRole('link', { name: '推荐单位' }).click();
    await ili.getByRole('button', { name: '添加推荐单位' }).click();
    const recommender = ili.locator('.ant-modal').filter({ hasText: '添加推荐单位' });
    await recommender.getByLabel('名称').fill('州工业和信息化局');
    await recommender.getByRole('button', { name: /确\s*定|OK/ }).click();
    await ili.getByText('推荐单位已添加').waitFor();
    await ili.getByRole('cell', { name: '州工业和信息化局' }).waitFor();
    await ili.getByRole('cell', { name: '主管部门' }).first().waitFor();
    await browser.screenshot(ili, '47-office-recommenders');
    const listed = await sut.call('GET', '/api/v1/tenants/ili/recommenders', { token: iliOffice });
    expect(JSON.stringify(listed.body)).toContain('州工业和信息化局');
  });

  it('linxia’s office reads a report with the reporter masked, reveals the identity with a reason, replies', async () => {
    const linxia = await browser.page();
    await signIn(linxia, 'linxia-office', 'linxia');
    await linxia.getByRole('link', { name: '举报受理' }).click();
    await linxia.getByRole('button', { name: /^JB-/ }).first().waitFor();
    expect(await linxia.getByText('举报人甲').count()).toBe(0);
    await linxia.getByRole('button', { name: /^JB-/ }).first().click();
    await linxia.getByText('受理环节收受申报单位礼品。').waitFor();
    // Masked in the single read until revealed (第二十四条 keeps the reporter's identity confidential).
    await linxia.getByRole('button', { name: '查看举报人身份' }).waitFor();
    const masked = (await linxia.getByTestId('reporter').textContent()) ?? '';
    expect(masked).not.toMatch(/举报人甲|13912345678|11010519491231002X/);
    await browser.screenshot(linxia, '44-office-report-masked');
    await linxia.getByPlaceholder('查看身份的理由（将记入审计）').fill('核实举报内容需联系举报人');
    await linxia.getByRole('button', { name: '查看举报人身份' }).click();
    await linxia
      .getByTestId('reporter')
      .getByText(/举报人甲/)
      .waitFor();
    await linxia.getByPlaceholder('答复举报人（凭查询码可见）').fill('已受理，正在核查。');
    await linxia.getByRole('button', { name: /答\s*复/ }).click();
    await linxia
      .getByText(/已受理，正在核查。/)
      .first()
      .waitFor();
    await browser.screenshot(linxia, '45-office-report-revealed-replied');
    const audit = await sut.call('GET', '/api/v1/tenants/linxia/audit?service=objections&limit=500', {
      token: linxiaOffice,
    });
    expect(JSON.stringify(audit.body)).toMatch(/reveal/);
  });
});
