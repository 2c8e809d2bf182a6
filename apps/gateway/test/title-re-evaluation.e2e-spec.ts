import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';
import { grantTitle } from './post-award.util';

const API = '/api/v1/tenants/linxia';

/**
 * linxia 第五条 on the test clock, through the gateway and the real services: a title granted on 1 December 2026 holds
 * 5 years (to 1 December 2031); the office and the holder are reminded 30 and 7 days before its last day, then the title is put to
 * re-evaluation (never expired); the office requires rectification by a date, reminders come before it and the office
 * is told when it has passed — the title is not lost by the clock — and the office records the loss. Redis loses every
 * job twice on the way: the title rows are the truth.
 */
describe('linxia re-evaluation at 5 years (第五条)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-01T02:00:00Z');
  let office: string;
  let holder: string;
  let titleId: string;
  let applicantId: string;

  const title = async (token = office) => {
    const response = await sut.call('GET', `${API}/titles/${titleId}`, { token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const remindersOf = async () =>
    ((await title()).reminders as Json[]).map((r) => [r.kind, r.daysBefore, r.targetDate]);
  const expectEventually = (check: () => Promise<void>) => eventually(check, { timeoutMs: 15000 });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia'] });
    office = (await sut.addUser('linxia', 'office', ['office'])).token;
    holder = (await sut.addUser('linxia', 'holder', ['applicant'])).token;
    const registered = await sut.call('POST', `${API}/applicants`, {
      token: holder,
      body: {
        kind: 'organisation',
        name: '临夏县某某乳业有限公司',
        creditCode: creditCodeFor(31),
        legalForm: 'legal_person',
      },
    });
    expect(registered.status).toBe(201);
    applicantId = registered.body.id as string;
    titleId = await grantTitle(sut, clock, {
      tenant: 'linxia',
      office,
      applicantId,
      name: '临夏县某某乳业有限公司',
      decidedOn: '2026-12-01',
      documentNumber: '临县政发〔2026〕44号',
    });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('the title holds 5 years from the decision (第五条)', async () => {
    expect(await title()).toMatchObject({
      status: 'active',
      validFrom: '2026-12-01',
      validUntil: '2031-12-01',
      validityBasis: 'linxia 第五条',
      reminders: [],
    });
  });

  it('reminded 30 and 7 days before the last day, though Redis lost every job; still active', async () => {
    await sut.infra.flushRedis();
    await sut.settle('2031-10-31T16:00:00Z'); // 2031-11-01 00:00 Asia/Shanghai: 30 days before 1 December
    await expectEventually(async () => expect(await remindersOf()).toEqual([['validity_ends', 30, '2031-12-01']]));
    await sut.settle('2031-11-23T16:00:00Z');
    await expectEventually(async () =>
      expect(await remindersOf()).toEqual([
        ['validity_ends', 30, '2031-12-01'],
        ['validity_ends', 7, '2031-12-01'],
      ]),
    );
    const seen = await sut.call('GET', `${API}/applicants/${applicantId}/titles`, { token: holder });
    expect(JSON.stringify(seen.body)).toContain('validity_ends');
    expect((await title()).status).toBe('active');
  });

  it('at the end of the 5 years the title is put to re-evaluation, not expired', async () => {
    await sut.settle('2031-12-01T16:00:00Z'); // 2031-12-02 00:00
    await expectEventually(async () => expect((await title()).status).toBe('under_re_evaluation'));
    expect((await title()).history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'open_re_evaluation', to: 'under_re_evaluation', basis: 'linxia 第五条' }),
      ]),
    );
  });

  it('the office requires rectification by a date; reminded before it; told when it passed; the clock takes nothing', async () => {
    const noDate = await sut.call('POST', `${API}/titles/${titleId}/re-evaluation`, {
      token: office,
      body: { outcome: 'require_rectification', reason: '考核评价部分指标未达到要求' },
    });
    expect(noDate.status).toBe(400);
    expect(JSON.stringify(noDate.body)).toContain('rectifyBy');
    const rectify = await sut.call('POST', `${API}/titles/${titleId}/re-evaluation`, {
      token: office,
      body: { outcome: 'require_rectification', reason: '考核评价部分指标未达到要求', rectifyBy: '2032-06-30' },
    });
    expect(rectify.status).toBe(200);
    expect(rectify.body).toMatchObject({ status: 'rectifying', rectifyBy: '2032-06-30' });

    await sut.infra.flushRedis();
    await sut.settle('2032-06-22T16:00:00Z'); // 7 days before 30 June: the 30-day reminder is due too
    await expectEventually(async () =>
      expect(await remindersOf()).toEqual(
        expect.arrayContaining([
          ['rectify_by', 30, '2032-06-30'],
          ['rectify_by', 7, '2032-06-30'],
        ]),
      ),
    );
    await sut.settle('2032-06-30T16:00:00Z'); // 1 July 00:00: the date has passed
    await expectEventually(async () =>
      expect(await remindersOf()).toEqual(expect.arrayContaining([['rectify_by', 0, '2032-06-30']])),
    );
    expect((await title()).status).toBe('rectifying');
    // Rescheduling again sends nothing twice.
    await sut.settle('2032-07-01T02:00:00Z');
    expect((await remindersOf()).length).toBe(5);
  });

  it('the office records the loss (整改后仍不能达到要求的取消称号), with its reason and article', async () => {
    const lost = await sut.call('POST', `${API}/titles/${titleId}/re-evaluation`, {
      token: office,
      body: { outcome: 'lose', reason: '整改期满复核仍未达到要求' },
    });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: 'lost' });
    expect((lost.body.history as Json[]).at(-1)).toMatchObject({
      action: 'lose',
      reason: '整改期满复核仍未达到要求',
      basis: 'linxia 第五条',
    });
  });
});
