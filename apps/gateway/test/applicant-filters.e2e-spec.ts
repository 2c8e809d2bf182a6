import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';

const names = (body: Json) => (body.applicants as Json[]).map((a) => a.name);

/**
 * The office finds an applicant as it works: by part of its name in any case, or by its credit code; filtered in the
 * database query, so paging and visibility hold as without a filter.
 */
describe('applicants filtered by name and credit code (ili)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/ili/applicants';
  const tokens: Record<string, string> = {};
  const codes = [creditCodeFor(9101), creditCodeFor(9102), creditCodeFor(9103), creditCodeFor(9104)];

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    tokens.office = (await sut.addUser('ili', 'office', ['office'])).token;
    tokens.own = (await sut.addUser('ili', 'own-account', ['applicant'])).token;
    let second = 0;
    const register = async (token: string, name: string, creditCode: string) => {
      // One second apart: the list's order (oldest first) is the order of registration.
      second += 1;
      await clock.set(`2026-11-23T02:00:0${second}Z`);
      const created = await sut.call('POST', api, {
        token,
        body: { kind: 'organisation', name, creditCode, legalForm: 'legal_person' },
      });
      expect(created.status).toBe(201);
    };
    await register(tokens.office as string, '伊犁质量科技有限公司', codes[0] as string);
    await register(tokens.office as string, 'Ili Quality Works', codes[1] as string);
    await register(tokens.office as string, '伊犁果业合作社', codes[2] as string);
    await register(tokens.own as string, '伊宁质量检测中心', codes[3] as string);
  });
  afterAll(async () => {
    await sut?.close();
  });

  const list = (query: string, token = tokens.office) => sut.call('GET', `${api}${query}`, { token });

  it('finds applicants by part of the name, in any case', async () => {
    expect(names((await list('?name=质量')).body)).toEqual(['伊犁质量科技有限公司', '伊宁质量检测中心']);
    expect(names((await list('?name=quality')).body)).toEqual(['Ili Quality Works']);
    expect(names((await list(`?name=${encodeURIComponent('QUALITY WORKS')}`)).body)).toEqual(['Ili Quality Works']);
    expect(names((await list('?name=伊')).body)).toHaveLength(3);
    expect(names((await list('?name=稻')).body)).toEqual([]);
    // LIKE's wildcards are letters like the others, not patterns.
    expect(names((await list(`?name=${encodeURIComponent('%')}`)).body)).toEqual([]);
    expect(names((await list('?name=_')).body)).toEqual([]);
    expect(names((await list(`?name=${encodeURIComponent('\\')}`)).body)).toEqual([]);
  });

  it('finds an applicant by its credit code exactly, letters in any case', async () => {
    const code = codes[2] as string;
    expect(names((await list(`?creditCode=${code}`)).body)).toEqual(['伊犁果业合作社']);
    expect(names((await list(`?creditCode=${code.toLowerCase()}`)).body)).toEqual(['伊犁果业合作社']);
    expect(names((await list(`?creditCode=${creditCodeFor(9199)}`)).body)).toEqual([]);
    expect(names((await list(`?creditCode=${code}&name=质量`)).body)).toEqual([]);
    const invalid = await list(`?creditCode=${code.slice(0, 17)}0`);
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('creditCode');
  });

  it('pages a filtered list by key, as without a filter', async () => {
    const first = await list('?name=伊&limit=3');
    expect(names(first.body)).toEqual(['伊犁质量科技有限公司', '伊犁果业合作社', '伊宁质量检测中心']);
    expect(first.body.next).toBeNull();
    // Without the filter, the fourth (Ili Quality Works, second registered) would be on this page.
    expect(names((await list('?limit=3')).body)).toContain('Ili Quality Works');
    const one = await list('?name=质量&limit=1');
    expect(names(one.body)).toEqual(['伊犁质量科技有限公司']);
    const two = await list(`?name=质量&limit=1&after=${one.body.next}`);
    expect(names(two.body)).toEqual(['伊宁质量检测中心']);
    expect(two.body.next).toBeNull();
  });

  it('never shows an applicant account another applicant, whatever the filter', async () => {
    expect(names((await list('?name=质量', tokens.own)).body)).toEqual(['伊宁质量检测中心']);
    expect(names((await list(`?creditCode=${codes[0]}`, tokens.own)).body)).toEqual([]);
  });
});
