import type { RunningService } from '@laurel/platform';
import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { acceptIliApplications } from './reviews-acceptance.util';

/**
 * Recusal of the leading group's member units and the office's users (ili 第三十一条), on the experts' conflict flag:
 * a member unit declares an interest in a candidate, the office recuses it, and its ballot has no line for that
 * candidate; the tally counts it as not voting on it and says so with the article. An office user's declaration
 * waits for a colleague's decision and is recorded with its history and article. Another tenant sees nothing; bad
 * input names the field. (An office user refused a consensus decision: reviews-scoring, which has a scored stage.)
 */
describe('reviews: member units and office users recuse through the gateway (ili)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/ili';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const A = anOrganisation('ili', 7301, { name: '伊犁丁制造有限公司' });
  const B = anOrganisation('ili', 7302, { name: '伊犁戊科技有限公司' });
  let appA: string;
  let appB: string;
  let voteId: string;
  let unitFlag: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fieldsOf = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((e) => e.field);

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['ili', 'linxia'],
      reviews: true,
      gatewayEnv: { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
    });
    for (const [tenant, username, roles] of [
      ['ili', 'office', ['office']],
      ['ili', 'office-li', ['office']],
      ['ili', 'org-a', ['applicant']],
      ['ili', 'org-b', ['applicant']],
      ['ili', 'dept', ['recommender']],
      ['ili', 'unit-scjg', ['leading_group']],
      ['ili', 'unit-gxw', ['leading_group']],
      ['ili', 'unit-gzw', ['leading_group']],
      ['ili', 'unit-fgw', ['leading_group']],
      ['linxia', 'linxia-office', ['office']],
    ] as const) {
      const user = await sut.addUser(tenant, username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    ok(
      await call('POST', `${api}/cycles`, {
        token: tokens.office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const dept = ok(
      await call('POST', `${api}/recommenders`, {
        token: tokens.office,
        body: { name: '州工业和信息化局', kind: 'department', userIds: [userIds.dept] },
      }),
      201,
    );
    await sut.objectionRulesReady('ili', tokens.office as string);
    [appA, appB] = (await acceptIliApplications(
      sut,
      { office: tokens.office as string, dept: tokens.dept as string },
      [
        { token: tokens['org-a'] as string, body: A },
        { token: tokens['org-b'] as string, body: B },
      ],
      dept.id as string,
    )) as [string, string];
    await eventually(
      async () => {
        const copies = await (sut.reviews as RunningService).runtime.database.system.$queryRawUnsafe<Json[]>(
          'SELECT count(*)::int AS n FROM review_application',
        );
        expect(copies[0]?.n).toBe(2);
      },
      { timeoutMs: 15000 },
    );
    for (const [name, user] of [
      ['州市场监督管理局', 'unit-scjg'],
      ['州工业和信息化局', 'unit-gxw'],
    ] as const) {
      ok(
        await call('POST', `${api}/member-units`, { token: tokens.office, body: { name, userId: userIds[user] } }),
        201,
      );
    }
  }, 240_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('a member unit declares an interest; bad input names the field; the office recuses it with the article', async () => {
    const bad = await call('POST', `${api}/conflicts/declarations`, {
      token: tokens['unit-scjg'],
      body: { applicationId: 'not-a-uuid', relation: '' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['body.applicationId', 'body.relation']);
    // An applicant has no such route.
    expect(
      (
        await call('POST', `${api}/conflicts/declarations`, {
          token: tokens['org-a'],
          body: { applicationId: appA, relation: '本公司' },
        })
      ).status,
    ).toBe(403);
    const declared = ok(
      await call('POST', `${api}/conflicts/declarations`, {
        token: tokens['unit-scjg'],
        body: { applicationId: appB, relation: '本局下属单位为申报企业的控股股东' },
      }),
      201,
    );
    unitFlag = declared.id as string;
    expect(declared).toMatchObject({
      party: { kind: 'member_unit', name: '州市场监督管理局' },
      expertId: null,
      applicationId: appB,
      kind: 'declared',
      status: 'detected',
      basis: expect.stringContaining('ili 第三十一条'),
    });
    const noReason = await call('POST', `${api}/conflicts/${unitFlag}/decision`, {
      token: tokens.office,
      body: { decision: 'dismiss' },
    });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['body.reason']);
    const recused = ok(
      await call('POST', `${api}/conflicts/${unitFlag}/decision`, {
        token: tokens.office,
        body: { decision: 'recuse' },
      }),
    );
    expect(recused).toMatchObject({ status: 'recused', decidedBy: 'office' });
    expect((recused.history as Json[]).map((h) => [h.action, h.to])).toEqual([
      ['report', 'detected'],
      ['recuse', 'recused'],
    ]);
    const listed = ok(await call('GET', `${api}/conflicts?partyKind=member_unit`, { token: tokens.office }));
    expect((listed.conflicts as Json[]).map((c) => c.id)).toEqual([unitFlag]);
  });

  it('the recused unit’s ballot has no line for that candidate; a choice for it names the field', async () => {
    voteId = ok(await call('POST', `${api}/votes`, { token: tokens.office, body: { cycleNumber: 1 } }), 201)
      .id as string;
    ok(
      await call('PUT', `${api}/votes/${voteId}/rules`, {
        token: tokens.office,
        body: {
          quorum: { numerator: 1, denominator: 2 },
          majority: { numerator: 1, denominator: 2, strict: true },
          reason: '领导小组会议决定：半数成员单位投票有效，过半数通过',
        },
      }),
    );
    ok(
      await call('PUT', `${api}/votes/${voteId}/slate`, {
        token: tokens.office,
        body: { applicationIds: [appA, appB], reason: '按综合评审报告排序' },
      }),
    );
    ok(await call('POST', `${api}/votes/${voteId}/open`, { token: tokens.office }));
    const ballot = ok(await call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens['unit-scjg'] }));
    expect((ballot.candidates as Json[]).map((c) => c.applicationId)).toEqual([appA]);
    expect(ballot.recusedFrom).toEqual([
      { applicationId: appB, conflictId: unitFlag, basis: expect.stringContaining('ili 第三十一条') },
    ]);
    const onB = await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
      token: tokens['unit-scjg'],
      body: {
        choices: [
          { applicationId: appA, choice: 'award' },
          { applicationId: appB, choice: 'award' },
        ],
      },
    });
    expect(onB.status).toBe(400);
    expect(fieldsOf(onB.body)).toEqual(['body.choices.1.applicationId']);
    const cast = ok(
      await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
        token: tokens['unit-scjg'],
        body: { choices: [{ applicationId: appA, choice: 'award' }] },
      }),
    );
    expect(cast).toMatchObject({ status: 'cast' });
    // The other unit is not recused: it must choose for both.
    const other = ok(await call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens['unit-gxw'] }));
    expect((other.candidates as Json[]).length).toBe(2);
    expect(other.recusedFrom).toEqual([]);
    ok(
      await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
        token: tokens['unit-gxw'],
        body: {
          choices: [
            { applicationId: appA, choice: 'nomination' },
            { applicationId: appB, choice: 'award' },
          ],
        },
      }),
    );
  });

  it('the tally counts the recused unit as not voting on that candidate and says so with the article', async () => {
    const closed = ok(await call('POST', `${api}/votes/${voteId}/close`, { token: tokens.office }));
    const tally = closed.tally as Json;
    expect(tally).toMatchObject({ electorate: 2, cast: 2, quorumMet: true });
    const [onA, onB] = tally.candidates as Json[];
    // A: 2 voting, award 1 + nomination 1; more than half of 2 needs 2: nomination (award and higher) has 2.
    expect(onA).toMatchObject({ applicationId: appA, recused: 0, note: null, proposedTier: 'nomination' });
    // B: 1 voting (1 recused); its one award vote is more than half of 1.
    expect(onB).toMatchObject({
      applicationId: appB,
      counts: { award: 1, nomination: 0, none: 0 },
      recused: 1,
      proposedTier: 'award',
    });
    expect(String(onB?.note)).toContain('1 个成员单位回避');
    expect(String(onB?.note)).toContain('ili 第三十一条');
  });

  it('an office user’s declared interest waits for a colleague’s decision, recorded and audited', async () => {
    const declared = ok(
      await call('POST', `${api}/conflicts/declarations`, {
        token: tokens['office-li'],
        body: { applicationId: appA, relation: '配偶在申报企业任职' },
      }),
      201,
    );
    expect(declared).toMatchObject({
      party: { kind: 'office_user', id: userIds['office-li'], name: 'office-li' },
      status: 'detected',
      basis: expect.stringContaining('ili 第三十一条'),
    });
    const dismissed = ok(
      await call('POST', `${api}/conflicts/${declared.id}/decision`, {
        token: tokens.office,
        body: { decision: 'dismiss', reason: '配偶已于申报前离职，经核实不构成利害关系' },
      }),
    );
    expect(dismissed).toMatchObject({ status: 'dismissed', decidedBy: 'office' });
    const audit = ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office }));
    const text = JSON.stringify(audit);
    expect(text).toContain('conflict.report');
    expect(text).toContain('conflict.dismiss');
  });

  it('member-unit conflicts from data: the applicant is the unit itself or under it (credit codes); flags the office decides', async () => {
    const bad = await call('POST', `${api}/member-units`, {
      token: tokens.office,
      body: { name: '州国资委', userId: userIds['unit-gzw'], creditCode: 'not-a-code' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.creditCode' })]);
    const itself = ok(
      await call('POST', `${api}/member-units`, {
        token: tokens.office,
        body: { name: '州国资委', userId: userIds['unit-gzw'], creditCode: A.creditCode },
      }),
      201,
    );
    expect(itself.creditCode).toBe(A.creditCode);
    const parent = ok(
      await call('POST', `${api}/member-units`, {
        token: tokens.office,
        body: { name: '州发展改革委', userId: userIds['unit-fgw'], subordinateCreditCodes: [B.creditCode] },
      }),
      201,
    );
    const flags = ok(
      await call('GET', `${api}/conflicts?partyKind=member_unit&status=detected`, { token: tokens.office }),
    );
    const found = (flags.conflicts as Json[]).map((f) => [
      (f.party as Json).name,
      f.applicantName,
      f.kind,
      f.evidence,
      f.basis,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['州国资委', A.name, 'applicant_is_employer', A.creditCode, 'ili 第三十一条'],
        ['州发展改革委', B.name, 'same_group', B.creditCode, 'ili 第三十一条'],
      ]),
    );
    expect(found.filter((row) => row[0] === '州国资委' || row[0] === '州发展改革委')).toHaveLength(2);
    // Flags, not decisions: the office recuses one and dismisses the other with a reason.
    const flagOf = (unit: string) => (flags.conflicts as Json[]).find((f) => (f.party as Json).name === unit) as Json;
    ok(
      await call('POST', `${api}/conflicts/${flagOf('州国资委').id}/decision`, {
        token: tokens.office,
        body: { decision: 'recuse' },
      }),
    );
    const noReason = await call('POST', `${api}/conflicts/${flagOf('州发展改革委').id}/decision`, {
      token: tokens.office,
      body: { decision: 'dismiss' },
    });
    expect(noReason.status).toBe(400);
    const dismissed = ok(
      await call('POST', `${api}/conflicts/${flagOf('州发展改革委').id}/decision`, {
        token: tokens.office,
        body: { decision: 'dismiss', reason: '该单位已于 2025 年划转，不再隶属' },
      }),
    );
    expect(dismissed).toMatchObject({ status: 'dismissed', party: { kind: 'member_unit', id: parent.id } });
    // The office changes the unit's codes with a reason: detection reruns and finds A under it now.
    const codes = `${api}/member-units/${parent.id}/credit-codes`;
    const noWhy = await call('PUT', codes, {
      token: tokens.office,
      body: { creditCode: null, subordinateCreditCodes: [B.creditCode, A.creditCode] },
    });
    expect(noWhy.status).toBe(400);
    expect(noWhy.body.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const changed = ok(
      await call('PUT', codes, {
        token: tokens.office,
        body: { creditCode: null, subordinateCreditCodes: [B.creditCode, A.creditCode], reason: '2026 年划入下属单位' },
      }),
    );
    expect(changed.subordinateCreditCodes).toEqual([B.creditCode, A.creditCode]);
    const rerun = ok(
      await call('GET', `${api}/conflicts?partyKind=member_unit&status=detected`, { token: tokens.office }),
    );
    expect((rerun.conflicts as Json[]).map((f) => [(f.party as Json).name, f.applicantName, f.kind])).toEqual([
      ['州发展改革委', A.name, 'same_group'],
    ]);
  });

  it('another tenant sees nothing', async () => {
    const linxia = '/api/v1/tenants/linxia';
    const list = ok(await call('GET', `${linxia}/conflicts`, { token: tokens['linxia-office'] }));
    expect(list.conflicts).toEqual([]);
    expect((await call('GET', `${linxia}/conflicts/${unitFlag}`, { token: tokens['linxia-office'] })).status).toBe(404);
    expect(
      (
        await call('POST', `${linxia}/conflicts/declarations`, {
          token: tokens['linxia-office'],
          body: { applicationId: appA, relation: '试探' },
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', `${linxia}/conflicts`, { token: tokens.office })).status).toBe(404);
  });
});
