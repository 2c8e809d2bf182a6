import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { eventually, TestClock } from '@laurel/testing';
import type { ApplicationsPlatform, Json } from './applications.util';
import { A, B, C, startVotesFixture } from './reviews-votes.fixture';

/**
 * The member units' vote (ili 第十六条), the leading group's deliberation (ili 第十七条) and the candidate list, through
 * the gateway with the real awards, objections, applications and reviews services: three applications taken to
 * acceptance reach the reviews service; the office records the member units, the quorum and majority and the slate;
 * each unit casts its secret ballot once; the tally applies the recorded rules; the deliberation is recorded; the
 * candidate list is published once and the awards service records it exactly once.
 */
describe('reviews: votes, deliberation and the candidate list through the gateway (ili)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/ili';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let appA: string;
  let appB: string;
  let appC: string;
  let voteId: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fieldsOf = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((e) => e.field);
  const choose = (a: string, b: string, c: string) => ({
    choices: [
      { applicationId: appA, choice: a },
      { applicationId: appB, choice: b },
      { applicationId: appC, choice: c },
    ],
  });

  beforeAll(async () => {
    const fx = await startVotesFixture(clock);
    sut = fx.sut;
    Object.assign(tokens, fx.tokens);
    Object.assign(userIds, fx.userIds);
    ({ appA, appB, appC } = fx);
  }, 240_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('records the member units; an account without the leading-group role is refused naming the field', async () => {
    const refused = await call('POST', `${api}/member-units`, {
      token: tokens.office,
      body: { name: '州市场监督管理局', userId: userIds.wang },
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['body.userId']);
    for (const [name, user] of [
      ['州市场监督管理局', 'unit-scjg'],
      ['州工业和信息化局', 'unit-gxw'],
      ['州发展和改革委员会', 'unit-fgw'],
    ] as const) {
      ok(
        await call('POST', `${api}/member-units`, { token: tokens.office, body: { name, userId: userIds[user] } }),
        201,
      );
    }
    const twice = await call('POST', `${api}/member-units`, {
      token: tokens.office,
      body: { name: '州财政局', userId: userIds['unit-fgw'] },
    });
    expect(twice.status).toBe(400);
    expect(fieldsOf(twice.body)).toEqual(['body.userId']);
    const listed = ok(await call('GET', `${api}/member-units`, { token: tokens.office }));
    expect((listed.memberUnits as Json[]).map((u) => u.name).sort()).toEqual(
      ['州发展和改革委员会', '州工业和信息化局', '州市场监督管理局'].sort(),
    );
  });

  it('sets up the vote: quorum and majority recorded, the slate with a reason; bad input names the field', async () => {
    const vote = ok(await call('POST', `${api}/votes`, { token: tokens.office, body: { cycleNumber: 1 } }), 201);
    voteId = vote.id as string;
    expect(vote).toMatchObject({ status: 'draft', basis: 'ili 第十六条', rules: null, slate: null, tally: null });
    expect((vote.tiers as Json[]).map((t) => t.key)).toEqual(['award', 'nomination']);
    expect((await call('POST', `${api}/votes`, { token: tokens.office, body: { cycleNumber: 1 } })).status).toBe(409);

    const notReady = await call('POST', `${api}/votes/${voteId}/open`, { token: tokens.office });
    expect(notReady.status).toBe(409);
    expect(notReady.body.missing).toEqual(['rules', 'slate']);

    const badShare = await call('PUT', `${api}/votes/${voteId}/rules`, {
      token: tokens.office,
      body: {
        quorum: { numerator: 3, denominator: 2 },
        majority: { numerator: 1, denominator: 2, strict: true },
        reason: '领导小组会议决定',
      },
    });
    expect(badShare.status).toBe(400);
    expect(fieldsOf(badShare.body)).toEqual(['body.quorum.numerator']);
    const noReason = await call('PUT', `${api}/votes/${voteId}/rules`, {
      token: tokens.office,
      body: { quorum: { numerator: 2, denominator: 3 }, majority: { numerator: 1, denominator: 2, strict: true } },
    });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason.body)).toContain('body.reason');
    const rules = ok(
      await call('PUT', `${api}/votes/${voteId}/rules`, {
        token: tokens.office,
        body: {
          quorum: { numerator: 2, denominator: 3 },
          majority: { numerator: 1, denominator: 2, strict: true },
          reason: '第十六条未规定；领导小组第一次会议决定：三分之二以上成员单位投票有效，过半数通过',
        },
      }),
    );
    expect(rules.rules).toMatchObject({ quorum: { numerator: 2, denominator: 3 }, decidedBy: 'office' });

    const unknown = randomUUID();
    const badSlate = await call('PUT', `${api}/votes/${voteId}/slate`, {
      token: tokens.office,
      body: { applicationIds: [appA, unknown], reason: '综合评审排名' },
    });
    expect(badSlate.status).toBe(400);
    expect(fieldsOf(badSlate.body)).toEqual(['body.applicationIds.1']);
    // The slate is by default the list of the composite report (ili 第十六条: nothing scored, the office's assessment
    // of those that passed the on-site review); the on-site review is not over, so there is none to take yet.
    const fromRanking = await call('PUT', `${api}/votes/${voteId}/slate`, {
      token: tokens.office,
      body: { reason: '按综合评审报告' },
    });
    expect(fromRanking.status).toBe(409);
    expect(String(fromRanking.body.detail)).toContain('现场评审');
    // The office's own list, with its reason, is the recorded exception.
    const slate = ok(
      await call('PUT', `${api}/votes/${voteId}/slate`, {
        token: tokens.office,
        body: { applicationIds: [appA, appB, appC], reason: '按综合评审报告排序（本州政策不在平台评分）' },
      }),
    );
    expect(slate.slate).toMatchObject({ source: 'office_decision', basis: null });
    expect((slate.slate as { candidates: Json[] }).candidates.map((c) => c.applicantName)).toEqual([
      A.name,
      B.name,
      C.name,
    ]);

    // Nobody votes before the vote opens.
    expect(
      (
        await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
          token: tokens['unit-scjg'],
          body: choose('award', 'award', 'none'),
        })
      ).status,
    ).toBe(404);
    const opened = ok(await call('POST', `${api}/votes/${voteId}/open`, { token: tokens.office }));
    expect(opened.status).toBe('open');
    expect((opened.turnout as Json[]).map((t) => t.cast)).toEqual([false, false, false]);
    const late = await call('PUT', `${api}/votes/${voteId}/rules`, {
      token: tokens.office,
      body: {
        quorum: { numerator: 1, denominator: 3 },
        majority: { numerator: 1, denominator: 2, strict: true },
        reason: '改',
      },
    });
    expect(late.status).toBe(409);
  });

  it('keeps each ballot secret: only its unit reads it; the office sees who cast, never what', async () => {
    const saved = ok(
      await call('PUT', `${api}/votes/${voteId}/ballots/mine`, {
        token: tokens['unit-scjg'],
        body: { choices: [{ applicationId: appA, choice: 'award' }] },
      }),
    );
    expect(saved).toMatchObject({ status: 'draft', memberUnitName: '州市场监督管理局' });
    expect(saved.choices).toEqual([{ applicationId: appA, choice: 'award' }]);

    // The office has no route to a ballot; a leading-group account that is no member unit has no ballot.
    expect((await call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens.office })).status).toBe(403);
    expect((await call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens['lg-guest'] })).status).toBe(404);
    // Another unit reads its own ballot only.
    const other = ok(await call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens['unit-gxw'] }));
    expect(other).toMatchObject({ memberUnitName: '州工业和信息化局', choices: [] });
    const vote = ok(await call('GET', `${api}/votes/${voteId}`, { token: tokens.office }));
    expect(vote.tally).toBeNull();
    expect(JSON.stringify(vote)).not.toContain('"choice"');
  });

  it('casts a ballot once: every candidate chosen, a tier of the policy; a second ballot is refused', async () => {
    const incomplete = await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
      token: tokens['unit-scjg'],
      body: { choices: [{ applicationId: appA, choice: 'award' }] },
    });
    expect(incomplete.status).toBe(400);
    expect(fieldsOf(incomplete.body)).toEqual(['body.choices']);
    const unknownTier = await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
      token: tokens['unit-scjg'],
      body: choose('gold', 'award', 'none'),
    });
    expect(unknownTier.status).toBe(400);
    expect(fieldsOf(unknownTier.body)).toEqual(['body.choices.0.choice']);

    const cast = ok(
      await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
        token: tokens['unit-scjg'],
        body: choose('award', 'award', 'none'),
      }),
    );
    expect(cast).toMatchObject({ status: 'cast' });
    const again = await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
      token: tokens['unit-scjg'],
      body: choose('none', 'none', 'none'),
    });
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('cast');
    expect(
      (
        await call('PUT', `${api}/votes/${voteId}/ballots/mine`, {
          token: tokens['unit-scjg'],
          body: choose('none', 'none', 'none'),
        })
      ).status,
    ).toBe(409);
    ok(
      await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
        token: tokens['unit-gxw'],
        body: choose('award', 'nomination', 'nomination'),
      }),
    );
    const vote = ok(await call('GET', `${api}/votes/${voteId}`, { token: tokens.office }));
    expect((vote.turnout as Json[]).map((t) => [t.name, t.cast]).sort()).toEqual(
      [
        ['州市场监督管理局', true],
        ['州工业和信息化局', true],
        ['州发展和改革委员会', false],
      ].sort(),
    );
  });

  it('tallies under the recorded quorum and majority, citing the article and the decision; counts only', async () => {
    const closed = ok(await call('POST', `${api}/votes/${voteId}/close`, { token: tokens.office }));
    expect(closed.status).toBe('tallied');
    const tally = closed.tally as Json;
    expect(tally).toMatchObject({ electorate: 3, cast: 2, quorumNeeded: 2, quorumMet: true, majorityThreshold: 1 });
    expect(tally.candidates).toEqual([
      {
        applicationId: appA,
        counts: { award: 2, nomination: 0, none: 0 },
        proposedTier: 'award',
        recused: 0,
        note: null,
      },
      {
        applicationId: appB,
        counts: { award: 1, nomination: 1, none: 0 },
        proposedTier: 'nomination',
        recused: 0,
        note: null,
      },
      { applicationId: appC, counts: { award: 0, nomination: 1, none: 1 }, proposedTier: null, recused: 0, note: null },
    ]);
    expect(tally.basis).toMatch(/^ili 第十六条; 法定人数与多数规则：办公室决定（office，/);
    // After the tally nothing links a unit to its choices: its own copy is erased, the ballot box names nobody.
    const mine = ok(await call('GET', `${api}/votes/${voteId}/ballots/mine`, { token: tokens['unit-scjg'] }));
    expect(mine).toMatchObject({ status: 'cast', voteStatus: 'tallied', choices: [] });
    const reviews = sut.reviews as RunningService;
    const sealed = await reviews.runtime.database.system.$queryRawUnsafe<Json[]>(
      'SELECT count(*)::int AS n FROM ballot WHERE choices_cipher IS NOT NULL',
    );
    expect(sealed[0]?.n).toBe(0);
    const late = await call('POST', `${api}/votes/${voteId}/ballots/mine/cast`, {
      token: tokens['unit-fgw'],
      body: choose('award', 'award', 'award'),
    });
    expect(late.status).toBe(409);
    expect((await call('POST', `${api}/votes/${voteId}/close`, { token: tokens.office })).status).toBe(409);
  });

  it('records the leading group’s deliberation once: minutes, attendance and the decision per candidate', async () => {
    const body = {
      cycleNumber: 1,
      heldAt: '2026-12-28T02:00:00Z',
      attendees: ['州市场监督管理局 张某', '州工业和信息化局 李某', '州发展和改革委员会 王某'],
      minutes: '领导小组审议候选获奖名单，同意甲公司为质量奖、乙公司为提名奖候选。',
      decisions: [
        { applicationId: appA, tier: 'award' },
        { applicationId: appB, tier: 'nomination', reason: '按投票结果' },
        { applicationId: appC, tier: null },
      ],
    };
    const badTier = await call('POST', `${api}/deliberations`, {
      token: tokens.office,
      body: { ...body, decisions: [{ applicationId: appA, tier: 'gold' }] },
    });
    expect(badTier.status).toBe(400);
    expect(fieldsOf(badTier.body)).toEqual(['body.decisions.0.tier']);
    const noAttendees = await call('POST', `${api}/deliberations`, {
      token: tokens.office,
      body: { ...body, attendees: [] },
    });
    expect(noAttendees.status).toBe(400);
    expect(fieldsOf(noAttendees.body)).toContain('body.attendees');

    const recorded = ok(await call('POST', `${api}/deliberations`, { token: tokens.office, body }), 201);
    expect(recorded).toMatchObject({ body: '领导小组', basis: 'ili 第十七条', recordedBy: 'office' });
    expect((recorded.decisions as Json[]).map((d) => [d.applicantName, d.tier])).toEqual([
      [A.name, 'award'],
      [B.name, 'nomination'],
      [C.name, null],
    ]);
    expect((await call('POST', `${api}/deliberations`, { token: tokens.office, body })).status).toBe(409);
    const listed = ok(await call('GET', `${api}/deliberations?cycle=1`, { token: tokens['unit-gxw'] }));
    expect(listed.deliberations).toHaveLength(1);
  });

  it('publishes the candidate list once; the awards service records it exactly once, redelivered or replayed', async () => {
    const published = ok(await call('POST', `${api}/candidate-lists/1`, { token: tokens.office }), 201);
    expect(published).toMatchObject({ stages: ['vote', 'deliberation'], basis: 'ili 第十六条; ili 第十七条' });
    expect(
      (published.entries as Json[]).map((e) => [e.applicantName, e.voteTier, e.deliberationTier, e.proposedTier]),
    ).toEqual([
      [A.name, 'award', 'award', 'award'],
      [B.name, 'nomination', 'nomination', 'nomination'],
    ]);
    expect((await call('POST', `${api}/candidate-lists/1`, { token: tokens.office })).status).toBe(409);

    const recorded = await eventually(
      async () => {
        const got = await call('GET', `${api}/cycles/1/candidate-list`, { token: tokens.office });
        expect(got.status).toBe(200);
        return got.body;
      },
      { timeoutMs: 15000 },
    );
    expect(recorded).toMatchObject({ listId: published.id, cycleNumber: 1, basis: 'ili 第十六条; ili 第十七条' });
    expect((recorded.entries as Json[]).map((e) => [e.applicationId, e.proposedTier])).toEqual([
      [appA, 'award'],
      [appB, 'nomination'],
    ]);

    // The same event redelivered, then replayed under a new event id: nothing is recorded twice.
    const reviews = sut.reviews as RunningService;
    const awards = sut.awards as RunningService;
    const [row] = await reviews.runtime.database.system.$queryRawUnsafe<Json[]>(
      `SELECT id::text, tenant_id::text, subject, payload, headers FROM outbox_message WHERE subject = 'reviews.candidate-list.published.v1'`,
    );
    const headers = row?.headers as Json;
    const envelope = {
      id: row?.id as string,
      subject: row?.subject as string,
      tenantId: row?.tenant_id as string,
      occurredAt: headers.occurredAt as string,
      correlationId: headers.correlationId as string,
      actor: (headers.actor as never) ?? null,
      payload: row?.payload,
    };
    expect(await awards.runtime.consumers.handle('awards-candidate-list-published', envelope)).toBe(false);
    await awards.runtime.consumers.handle('awards-candidate-list-published', { ...envelope, id: randomUUID() });
    const counts = await awards.runtime.database.system.$queryRawUnsafe<Json[]>(
      `SELECT (SELECT count(*)::int FROM candidate_list) AS lists, (SELECT count(*)::int FROM candidate_list_entry) AS entries`,
    );
    expect(counts[0]).toEqual({ lists: 1, entries: 2 });
  });

  it('another tenant sees nothing of it', async () => {
    const linxia = '/api/v1/tenants/linxia';
    const token = tokens['linxia-office'];
    expect(ok(await call('GET', `${linxia}/votes`, { token })).votes).toEqual([]);
    expect((await call('GET', `${linxia}/votes/${voteId}`, { token })).status).toBe(404);
    expect(ok(await call('GET', `${linxia}/member-units`, { token })).memberUnits).toEqual([]);
    expect(ok(await call('GET', `${linxia}/deliberations`, { token })).deliberations).toEqual([]);
    expect((await call('GET', `${linxia}/candidate-lists/1`, { token })).status).toBe(404);
    expect((await call('GET', `${linxia}/cycles/1/candidate-list`, { token })).status).toBe(404);
    // And the ili office's token is no key to linxia: not a member there.
    expect((await call('GET', `${linxia}/votes`, { token: tokens.office })).status).toBe(404);
  });

  it('follows the stages the policy names: linxia deliberates in its committee (第二十一条) and holds no vote', async () => {
    const linxia = '/api/v1/tenants/linxia';
    const token = tokens['linxia-office'];
    ok(
      await call('POST', `${linxia}/cycles`, {
        token,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const vote = await call('POST', `${linxia}/votes`, { token, body: { cycleNumber: 1 } });
    expect(vote.status).toBe(409);
    expect(vote.body.detail).toBe('本届适用的政策未规定成员单位投票环节');
    const early = await call('POST', `${linxia}/candidate-lists/1`, { token });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('审议尚未记录（linxia 第二十一条）');
  });
});
