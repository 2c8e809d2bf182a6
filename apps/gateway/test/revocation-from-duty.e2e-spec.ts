import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';
import { grantTitle, xinzhouCityTitleWithPromotionDuty } from './post-award.util';

const XZC = '/api/v1/tenants/xinzhou-city';
const LX = '/api/v1/tenants/linxia';

/**
 * A revocation case opened from an overdue post-award duty, through the gateway and the real services on a test
 * clock. xinzhou-city 第二十八条 lists refusing duties (拒绝履行相关责任义务) as a ground; its launch policy schedules
 * no duty, so the operator versions it with the promotion duty of 第二十五条 as one the office asks for (on request).
 * The office dates it, it becomes overdue, and the office opens the case from it: ground, date and the duty as
 * evidence come from the duty; the approval applies 第二十八条's consequences. linxia names no such ground: its
 * overdue self-assessment (第三十二条) cannot open a case.
 */
describe('revocation from an overdue duty (xinzhou-city 第二十八条)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-06-01T02:00:00Z');
  let office: string;
  let lxOffice: string;
  let titleId: string;
  let promotion: Json;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city', 'linxia'] });
    office = (await sut.addUser('xinzhou-city', 'xzc-office', ['office'])).token;
    lxOffice = (await sut.addUser('linxia', 'lx-office', ['office'])).token;
    const granted = await xinzhouCityTitleWithPromotionDuty(sut, {
      office,
      name: '忻州某某机械有限公司',
      code: 5201,
      decidedOn: '2026-06-01',
      closesOn: '2026-06-30',
      dueDate: '2026-09-30',
    });
    titleId = granted.titleId;
    promotion = (await sut.call('GET', `${XZC}/duties/${granted.dutyId}`, { token: office })).body;
    expect(promotion).toMatchObject({
      kind: 'requested_evaluation',
      dueDate: '2026-09-30',
      basis: '第二十五条',
      refusalGround: { event: 'refusing_duties', basis: '第二十八条' },
    });
  });
  afterAll(async () => {
    await sut?.close();
  });

  const openFrom = (dutyId: string, token = office, api = XZC) =>
    sut.call('POST', `${api}/duties/${dutyId}/revocation`, {
      token,
      body: { description: '经两次书面督促，仍拒绝参加市质量强市宣传推广活动' },
    });

  it('a duty not yet overdue opens no case (422 naming dutyId)', async () => {
    const early = await openFrom(promotion.id as string);
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('dutyId');
  });

  it('once overdue, the office opens the case from it: ground, date and the duty as evidence; once only', async () => {
    await sut.settle('2026-09-30T16:00:00Z'); // 2026-10-01 00:00 Asia/Shanghai
    await eventually(
      async () =>
        expect((await sut.call('GET', `${XZC}/duties/${promotion.id}`, { token: office })).body.status).toBe('overdue'),
      { timeoutMs: 15000 },
    );
    const holder = await sut.addUser('xinzhou-city', 'xzc-applicant', ['applicant']);
    expect((await openFrom(promotion.id as string, holder.token)).status).toBe(403);

    const opened = await openFrom(promotion.id as string);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      status: 'opened',
      dutyId: promotion.id,
      ground: 'refusing_duties',
      eventOn: '2026-10-01',
      subject: { titleId },
      evaluation: {
        outcome: 'consequences',
        consequences: expect.arrayContaining([
          expect.objectContaining({
            kind: 'ban',
            basis: 'xinzhou-city 第二十八条',
            ban: expect.objectContaining({ unit: 'cycles', count: 3 }),
          }),
        ]),
      },
    });
    const [evidence] = opened.body.evidence as { title: string; reference: string }[];
    expect(evidence?.title).toContain('宣传推广质量管理经验');
    expect(evidence?.reference).toContain('第二十五条');
    expect(evidence?.reference).toContain('2026-09-30');

    const again = await openFrom(promotion.id as string);
    expect(again.status).toBe(409);

    const approved = await sut.call('POST', `${XZC}/revocations/${opened.body.id}/approve`, {
      token: office,
      body: { body: '忻州市人民政府', documentNumber: '忻政发〔2026〕52号', approvedOn: '2026-10-20' },
    });
    expect(approved.status).toBe(200);
    expect((approved.body.steps as Json[]).map((step) => [step.kind, step.basis])).toEqual(
      expect.arrayContaining([
        ['revoke', 'xinzhou-city 第二十八条'],
        ['ban', expect.stringContaining('第二十八条')],
      ]),
    );
  });

  it('linxia names no refusal ground: its overdue self-assessment opens no case', async () => {
    const lxApplicant = await sut.call('POST', `${LX}/applicants`, {
      token: lxOffice,
      body: { kind: 'organisation', name: '临夏某某公司', creditCode: creditCodeFor(5202), legalForm: 'legal_person' },
    });
    expect(lxApplicant.status).toBe(201);
    const lxTitle = await grantTitle(sut, clock, {
      tenant: 'linxia',
      office: lxOffice,
      applicantId: lxApplicant.body.id as string,
      name: '临夏某某公司',
      decidedOn: '2026-10-01',
      documentNumber: '临县政发〔2026〕35号',
    });
    const planned = await sut.call('POST', `${LX}/titles/${lxTitle}/duties`, { token: lxOffice });
    const report = (planned.body.items as Json[]).find((duty) => duty.key === 'self-assessment') as Json;
    expect(report.refusalGround).toBeNull();
    await sut.settle('2027-07-31T16:00:00Z');
    await eventually(
      async () =>
        expect((await sut.call('GET', `${LX}/duties/${report.id}`, { token: lxOffice })).body.status).toBe('overdue'),
      { timeoutMs: 15000 },
    );
    const refused = await openFrom(report.id as string, lxOffice, LX);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('dutyId');
  });
});
