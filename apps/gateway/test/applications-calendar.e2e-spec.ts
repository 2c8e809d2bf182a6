import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';

const NATIONAL_DAY_2027 = {
  holidays: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ date: `2027-10-0${day}`, name: '国庆节' })),
  workdays: ['2027-09-26', '2027-10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
};

/** An internal publicity counted on a provisional year moves when the operator loads that year's schedule. */
describe('applications: internal publicity recomputed when a calendar year is loaded', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/ili';

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('moves the last day, clears provisional, and reports it in the load’s answer', async () => {
    const office = (await sut.addUser('ili', 'office', ['office'])).token;
    const applicant = (await sut.addUser('ili', 'org-a', ['applicant'])).token;
    const cycle = await sut.call('POST', `${api}/cycles`, {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-12-31' },
    });
    expect(cycle.status).toBe(201);
    const registered = await sut.call('POST', `${api}/applicants`, {
      token: applicant,
      body: { kind: 'organisation', name: '伊犁乙公司', creditCode: creditCodeFor(7), legalForm: 'legal_person' },
    });
    expect(registered.status).toBe(201);
    const created = await sut.call('POST', `${api}/applications`, {
      token: applicant,
      body: { cycleNumber: 1, facts: { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await sut.decideAll('ili', id, office);

    // 5 working days from Wednesday 29 September 2027, weekends only: 30 Sep, 1, 4, 5, 6 Oct.
    const started = await sut.call('POST', `${api}/applications/${id}/internal-publicity`, {
      token: applicant,
      body: { startedOn: '2027-09-29', evidence: '公示照片' },
    });
    expect(started.status).toBe(200);
    expect(started.body.publicity).toMatchObject({ lastDay: '2027-10-06', provisional: true });

    const operator = await sut.login('operator');
    const loaded = await sut.call('PUT', '/api/v1/calendar/years/2027', { token: operator, body: NATIONAL_DAY_2027 });
    expect(loaded.status).toBe(200);
    // With the holiday and the shifted Saturday: 30 Sep, 8, 9 (Sat, working), 11, 12 Oct.
    expect(loaded.body.movedDeadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: 'applications',
          kind: 'internal_publicity',
          id,
          previousLastDay: '2027-10-06',
          lastDay: '2027-10-12',
          provisional: false,
        }),
      ]),
    );
    const after = await sut.call('GET', `${api}/applications/${id}`, { token: office });
    expect(after.body.publicity as Json).toMatchObject({ lastDay: '2027-10-12', provisional: false });
    expect((after.body.publicity as Json).basis).toMatch(/国务院办公厅关于2027年部分节假日安排的通知/);
  });
});
