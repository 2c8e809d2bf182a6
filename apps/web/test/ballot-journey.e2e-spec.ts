import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import type { Page } from 'playwright-core';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from '../../gateway/test/applications.util';
import { acceptIliApplications } from '../../gateway/test/reviews-acceptance.util';
import { type Browser, launchBrowser } from './browser.util';

/**
 * The member units' vote in the browser (ili 第十六条): two applications taken to acceptance; the office records the
 * member units, the quorum and majority and the slate, and opens the vote; a member unit signs in, lands on its votes,
 * fills in its own ballot, saves a draft and casts it after a confirmation; the office sees that it cast, never what;
 * after the tally the office reads the counts per candidate.
 */
describe('web: a member unit casts its ballot (ili)', () => {
  let sut: ApplicationsPlatform;
  let browser: Browser;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const A = anOrganisation('ili', 7301, { name: '伊犁甲制造有限公司' });
  const B = anOrganisation('ili', 7302, { name: '伊犁乙科技有限公司' });
  let voteId = '';
  const api = '/api/v1/tenants/ili';

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const signIn = async (page: Page, username: string, landing: string) => {
    await page.goto(`${sut.gateway.url}/office/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('a-long-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`**${landing}`);
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['ili'],
      reviews: true,
      gatewayEnv: { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
    });
    for (const [username, roles] of [
      ['office', ['office']],
      ['org-a', ['applicant']],
      ['org-b', ['applicant']],
      ['dept', ['recommender']],
      ['unit-scjg', ['leading_group']],
      ['unit-gxw', ['leading_group']],
    ] as const) {
      const user = await sut.addUser('ili', username, roles);
      ids[username] = user.id;
      tokens[username] = user.token;
    }
    const office = tokens.office as string;
    ok(
      await sut.call('POST', `${api}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const dept = ok(
      await sut.call('POST', `${api}/recommenders`, {
        token: office,
        body: { name: '州工业和信息化局', kind: 'department', userIds: [ids.dept] },
      }),
      201,
    );
    await sut.objectionRulesReady('ili', office);
    const [appA, appB] = await acceptIliApplications(
      sut,
      { office, dept: tokens.dept as string },
      [
        { token: tokens['org-a'] as string, body: A },
        { token: tokens['org-b'] as string, body: B },
      ],
      dept.id as string,
    );
    for (const [name, user] of [
      ['州市场监督管理局', 'unit-scjg'],
      ['州工业和信息化局', 'unit-gxw'],
    ] as const) {
      ok(await sut.call('POST', `${api}/member-units`, { token: office, body: { name, userId: ids[user] } }), 201);
    }
    voteId = ok(await sut.call('POST', `${api}/votes`, { token: office, body: { cycleNumber: 1 } }), 201).id as string;
    ok(
      await sut.call('PUT', `${api}/votes/${voteId}/rules`, {
        token: office,
        body: {
          quorum: { numerator: 1, denominator: 2 },
          majority: { numerator: 1, denominator: 2, strict: false },
          reason: '领导小组会议决定：半数以上成员单位投票有效，得票不少于所投票数一半的列入',
        },
      }),
    );
    await eventually(
      async () =>
        ok(
          await sut.call('PUT', `${api}/votes/${voteId}/slate`, {
            token: office,
            body: { applicationIds: [appA, appB], reason: '按综合评审报告排序' },
          }),
        ),
      { timeoutMs: 15000 },
    );
    ok(await sut.call('POST', `${api}/votes/${voteId}/open`, { token: office }));
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('the member unit lands on its votes, fills in its own ballot and casts it once after confirming', async () => {
    const page = await browser.page();
    await signIn(page, 'unit-scjg', '/leading-group/ili');
    await page.getByText('第 1 届候选获奖名单投票').waitFor();
    await page.getByRole('link', { name: '填写本单位选票' }).click();
    await page.getByText('州市场监督管理局的选票').waitFor();
    const rowA = page.getByRole('row', { name: new RegExp(A.name as string) });
    const rowB = page.getByRole('row', { name: new RegExp(B.name as string) });
    await rowA.getByText('质量奖', { exact: true }).click();
    // Not every candidate chosen: casting stays disabled.
    expect(await page.getByRole('button', { name: /投\s*票/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('草稿已保存').waitFor();
    await rowB.getByText('质量奖提名奖', { exact: true }).click();
    await page.getByRole('button', { name: /投\s*票/ }).click();
    await page.getByText('确认投出本单位选票？').waitFor();
    await browser.screenshot(page, '50-ballot-confirm');
    await page.getByRole('button', { name: '确认投票' }).click();
    await page.getByText('本单位已投票，不能再修改。').waitFor();
    expect(await page.getByRole('button', { name: /投\s*票/ }).count()).toBe(0);
    await browser.screenshot(page, '51-ballot-cast');

    // The unit's ballot as the API keeps it; the office cannot read it, and sees only that the unit cast.
    const mine = ok(await sut.call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens['unit-scjg'] }));
    expect(mine.status).toBe('cast');
    expect((mine.choices as Json[]).map((c) => c.choice)).toEqual(['award', 'nomination']);
    expect((await sut.call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens.office })).status).toBe(403);
    const vote = ok(await sut.call('GET', `${api}/votes/${voteId}`, { token: tokens.office }));
    expect((vote.turnout as Json[]).filter((u) => u.cast).map((u) => u.name)).toEqual(['州市场监督管理局']);
    expect(browser.errors).toEqual([]);
  });

  it('a member unit declares an interest on its page; the office recuses it on the 回避 page; its ballot loses that line', async () => {
    const page = await browser.page();
    await signIn(page, 'unit-gxw', '/leading-group/ili');
    await page.getByText('本单位回避申明').waitFor();
    await page.locator('.ant-form-item', { hasText: '申报' }).locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByTitle(B.name as string, { exact: true })
      .click();
    await page.getByLabel('利害关系').fill('本局下属事业单位为该公司提供过技术咨询');
    await page.getByRole('button', { name: /提交回避申明/ }).click();
    await page.getByText('回避申明已提交，待办公室决定').waitFor();
    await browser.screenshot(page, '55-member-unit-declares');

    const office = await browser.page();
    await signIn(office, 'office', '/office/ili/cycle');
    await office.getByRole('link', { name: '回避' }).click();
    const row = office.getByRole('row', { name: /州工业和信息化局/ });
    await row.getByText('领导小组成员单位').waitFor();
    await row.getByText('本局下属事业单位为该公司提供过技术咨询').waitFor();
    await row.getByText('ili 第三十一条').waitFor();
    await office.getByText('本人回避申明').waitFor();
    await browser.screenshot(office, '56-office-conflicts');
    await row.getByRole('button', { name: /回\s*避/ }).click();
    await office.getByRole('button', { name: /确\s*定|OK/ }).click();
    await office.getByText('已决定回避').waitFor();
    await office.getByText('已回避', { exact: true }).click();
    await office
      .getByRole('row', { name: /州工业和信息化局/ })
      .getByText(/office/)
      .waitFor();
    await browser.screenshot(office, '57-office-conflicts-recused');

    await page.goto(`${sut.gateway.url}/leading-group/ili/votes/${voteId}`);
    await page.getByText('州工业和信息化局的选票').waitFor();
    await page.getByRole('row', { name: new RegExp(A.name as string) }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(B.name as string) }).count()).toBe(0);
    const flags = ok(await sut.call('GET', `${api}/conflicts?partyKind=member_unit`, { token: tokens.office }));
    expect((flags.conflicts as Json[]).map((f) => [(f.party as Json).name, f.applicantName, f.status, f.kind])).toEqual(
      [['州工业和信息化局', B.name, 'recused', 'declared']],
    );
    expect(browser.errors).toEqual([]);
  });

  it('the office sees who cast, closes the vote and reads the counts per candidate', async () => {
    const page = await browser.page();
    await signIn(page, 'office', '/office/ili/cycle');
    await page.getByRole('link', { name: '成员单位投票' }).click();
    await page.getByText('第 1 届成员单位投票').waitFor();
    await page.getByText('已投票', { exact: true }).waitFor();
    await page.getByRole('button', { name: /结束投票并计票/ }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(/1\/2 个成员单位投票，达到法定人数/).waitFor();
    await browser.screenshot(page, '52-office-vote-tallied');
    const tally = ok(await sut.call('GET', `${api}/votes/${voteId}`, { token: tokens.office })).tally as Json;
    expect((tally.candidates as Json[]).map((c) => c.proposedTier)).toEqual(['award', 'nomination']);
    expect(browser.errors).toEqual([]);
  });

  it('the office records the deliberation and publishes the candidate list, which the awards service receives', async () => {
    const page = await browser.page();
    await signIn(page, 'office', '/office/ili/cycle');
    await page.getByRole('link', { name: '审议记录' }).click();
    await page.getByText('第十七条', { exact: true }).waitFor();
    const heldAt = page.locator('#heldAt');
    await heldAt.fill('2026-12-28 10:00');
    await heldAt.press('Tab');
    if ((await heldAt.inputValue()) !== '2026-12-28 10:00') throw new Error(`heldAt: ${await heldAt.inputValue()}`);
    await page.getByLabel('出席人员（每行一人：单位 姓名）').fill('州市场监督管理局 张某\n州工业和信息化局 李某');
    await page.getByLabel('会议纪要').fill('领导小组审议候选获奖名单：同意甲公司为质量奖候选；乙公司暂不列入。');
    const rowA = page.getByRole('row', { name: new RegExp(A.name as string) });
    await rowA.locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByTitle('质量奖', { exact: true })
      .click();
    await page
      .getByRole('row', { name: new RegExp(B.name as string) })
      .getByRole('textbox')
      .fill('投票后审议认为尚需提升');
    await page.getByRole('button', { name: /记录审议/ }).click();
    await page.getByText('审议已记录', { exact: true }).waitFor();
    await page.getByText('州市场监督管理局 张某、州工业和信息化局 李某').waitFor();
    await browser.screenshot(page, '53-office-deliberation-recorded');

    await page.getByRole('link', { name: '候选获奖名单' }).click();
    await page.getByRole('button', { name: /发布候选获奖名单/ }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('候选获奖名单已发布', { exact: true }).waitFor();
    await page.getByText(/已接收/).waitFor();
    await browser.screenshot(page, '54-office-candidate-list');
    const recorded = ok(await sut.call('GET', `${api}/cycles/1/candidate-list`, { token: tokens.office }));
    expect(
      (recorded.entries as Json[]).map((e) => [e.applicantName, e.voteTier, e.deliberationTier, e.proposedTier]),
    ).toEqual([[A.name, 'award', 'award', 'award']]);
    expect(browser.errors).toEqual([]);
  });
});
