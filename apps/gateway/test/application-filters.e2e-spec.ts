import { anApplication, anOrganisation, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * The office's work queues: applications by status (one or several) and by stage, filtered in the database query, so
 * paging and who sees what hold as without a filter.
 */
describe('applications filtered by status and stage (ili)', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/ili';
  const tokens = { office: '', dept: '', otherDept: '' };
  const ids = { draft: '', publicity: '', submitted: '' };
  let submittedStage: string;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    tokens.office = (await sut.addUser('ili', 'office', ['office'])).token;
    const dept = await sut.addUser('ili', 'dept', ['recommender']);
    tokens.dept = dept.token;
    tokens.otherDept = (await sut.addUser('ili', 'other-dept', ['recommender'])).token;
    const office = { token: tokens.office };
    const cycle = await sut.call('POST', `${api}/cycles`, {
      ...office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(cycle.status).toBe(201);
    const recommender = await sut.call('POST', `${api}/recommenders`, {
      ...office,
      body: { name: '州工业和信息化局', kind: 'department', userIds: [dept.id] },
    });
    expect(recommender.status).toBe(201);

    // Three applications, one second apart (the list is oldest first): a draft, one in internal publicity, one submitted.
    let n = 0;
    const start = async () => {
      n += 1;
      await clock.set(`2026-11-23T02:00:0${n}Z`);
      const applicant = await sut.call('POST', `${api}/applicants`, {
        ...office,
        body: anOrganisation('ili', 9200 + n),
      });
      expect(applicant.status).toBe(201);
      const created = await sut.call('POST', `${api}/applications`, {
        ...office,
        body: anApplication('ili', applicant.body.id as string),
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const publicity = (id: string) =>
      sut.call('POST', `${api}/applications/${id}/internal-publicity`, {
        ...office,
        body: { startedOn: '2026-11-23', evidence: '公示照片' },
      });
    ids.submitted = await start();
    expect((await publicity(ids.submitted)).status).toBe(200);
    ids.draft = await start();
    ids.publicity = await start();
    expect((await publicity(ids.publicity)).status).toBe(200);
    await sut.settle('2026-12-01T01:00:00Z');
    const submitted = await sut.call('POST', `${api}/applications/${ids.submitted}/submit`, {
      ...office,
      body: { recommenderId: recommender.body.id },
    });
    expect(submitted.status).toBe(200);
    submittedStage = submitted.body.stage as string;
  }, 120000);
  afterAll(async () => {
    await sut?.close();
  });

  const list = async (query: string, token = tokens.office) => {
    const response = await sut.call('GET', `${api}/applications${query}`, { token });
    expect(response.status).toBe(200);
    return { ids: (response.body.applications as Json[]).map((a) => a.id), next: response.body.next as string | null };
  };

  it('lists the applications in one status, or in any of several', async () => {
    expect((await list('?status=draft')).ids).toEqual([ids.draft]);
    expect((await list('?status=internal_publicity')).ids).toEqual([ids.publicity]);
    expect((await list('?status=submitted&status=draft')).ids).toEqual([ids.submitted, ids.draft]);
    expect((await list('?status=accepted')).ids).toEqual([]);
    expect((await list('')).ids).toEqual([ids.submitted, ids.draft, ids.publicity]);
  });

  it('lists a stage’s work queue, with the cycle and the statuses together', async () => {
    expect((await list(`?stage=${submittedStage}`)).ids).toEqual([ids.submitted]);
    expect((await list(`?stage=${submittedStage}&status=submitted&cycle=1`)).ids).toEqual([ids.submitted]);
    expect((await list(`?stage=${submittedStage}&status=draft`)).ids).toEqual([]);
    expect((await list('?status=submitted&cycle=2')).ids).toEqual([]);
  });

  it('refuses a status that is not one, naming the parameter', async () => {
    const refused = await sut.call('GET', `${api}/applications?status=pending`, { token: tokens.office });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('status');
    const badStage = await sut.call('GET', `${api}/applications?stage=Not%20A%20Stage`, { token: tokens.office });
    expect(badStage.status).toBe(400);
  });

  it('pages a filtered list by key', async () => {
    const first = await list('?status=draft&status=internal_publicity&status=submitted&limit=2');
    expect(first.ids).toEqual([ids.submitted, ids.draft]);
    const second = await list(`?status=draft&status=internal_publicity&status=submitted&limit=2&after=${first.next}`);
    expect(second.ids).toEqual([ids.publicity]);
    expect(second.next).toBeNull();
  });

  it('shows a recommender only what was submitted to it, whatever the filter', async () => {
    expect((await list('?status=submitted&status=draft', tokens.dept)).ids).toEqual([ids.submitted]);
    expect((await list('?status=submitted', tokens.otherDept)).ids).toEqual([]);
  });
});
