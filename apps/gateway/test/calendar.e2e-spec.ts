import { randomUUID } from 'node:crypto';
import { calendarListContract } from '@laurel/contracts';
import { type RequestContext, RequestContexts } from '@laurel/platform';
import { createItem, getDeadline, schedulePeriod } from '../../../packages/testing/fixtures/probe/src/probe.contracts';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const NATIONAL_DAY_2027 = {
  holidays: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ date: `2027-10-0${day}`, name: '国庆节' })),
  workdays: ['2027-09-26', '2027-10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
};

describe('the official calendar: deadlines, provisional years, loading a year without a restart', () => {
  let sut: Platform;
  let operator: string;
  const tenant: RequestContext = {
    tenantId: randomUUID(),
    correlationId: randomUUID(),
    actor: { userId: 'office', roles: ['office'], operator: false },
  };
  const deadline = (query: string) => sut.call('GET', `/api/v1/calendar/deadline?${query}`);

  beforeAll(async () => {
    sut = await startPlatform();
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('counts working days across the 2025 National Day holiday, with the shifted Sunday', async () => {
    const response = await deadline('start=2025-09-26&count=5&unit=working_days');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      lastDay: '2025-10-10',
      endsAt: '2025-10-11T00:00:00+08:00',
      provisional: false,
    });
    expect(response.body.basis).toMatch(/民法典 第二百零一条/);
  });

  it('counts working days across the 2026 Spring Festival', async () => {
    const response = await deadline('start=2026-02-13&count=3&unit=working_days');
    expect(response.body).toMatchObject({ lastDay: '2026-02-25', provisional: false });
  });

  it('extends a calendar-day period that ends on a holiday to the next working day (第二百零三条)', async () => {
    const response = await deadline('start=2026-09-30&count=7&unit=calendar_days');
    expect(response.body).toMatchObject({ lastDay: '2026-10-08', endsAt: '2026-10-09T00:00:00+08:00' });
    expect(response.body.basis).toMatch(/第二百零三条/);
  });

  it('refuses bad queries with the field at fault', async () => {
    for (const [query, field] of [
      ['start=2026-02-30&count=3&unit=working_days', 'query.start'],
      ['start=2026-02-03&count=-1&unit=working_days', 'query.count'],
      ['start=2026-02-03&count=3&unit=weeks', 'query.unit'],
      ['count=3&unit=working_days', 'query.start'],
    ] as const) {
      const response = await deadline(query);
      expect(response.status).toBe(400);
      expect((response.body.errors as { field: string }[])[0]?.field).toBe(field);
    }
    expect((await deadline('start=2026-02-03&count=3&unit=working_days&x=1')).status).toBe(400);
  });

  it('only operators load a year, and a bad schedule is refused with its fields', async () => {
    const office = await sut.call('PUT', '/api/v1/calendar/years/2027', { body: NATIONAL_DAY_2027 });
    expect(office.status).toBe(401);
    const bad = await sut.call('PUT', '/api/v1/calendar/years/2027', {
      token: operator,
      body: { ...NATIONAL_DAY_2027, holidays: [{ date: '2026-10-01', name: '国庆节' }], workdays: ['2027-13-01'] },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.holidays[0].date', 'body.workdays[0]']));
  });

  it('a provisional year becomes official when loaded; stored deadlines are recomputed and the moved ones reported', async () => {
    const before = await deadline('start=2027-09-29&count=3&unit=working_days');
    expect(before.body).toMatchObject({ lastDay: '2027-10-04', provisional: true, provisionalYears: [2027] });

    // A service stored a deadline on the provisional year.
    const client = sut.probe.runtime.client;
    const item = await client.request(createItem, { name: '公示' }, { context: tenant });
    const stored = await client.request(
      schedulePeriod,
      { itemId: item.id, start: '2027-09-29', count: 3, unit: 'working_days' },
      { context: tenant },
    );
    expect(stored).toMatchObject({ lastDay: '2027-10-04', provisional: true });

    const loaded = await sut.call('PUT', '/api/v1/calendar/years/2027', { token: operator, body: NATIONAL_DAY_2027 });
    expect(loaded.status).toBe(200);
    expect(loaded.body.status).toMatchObject({ year: 2027, provisional: false, origin: 'loaded' });
    expect(loaded.body.services).toEqual([{ service: 'probe', status: 'applied', moved: 1 }]);
    expect(loaded.body.movedDeadlines).toEqual([
      expect.objectContaining({
        service: 'probe',
        id: stored.id,
        previousLastDay: '2027-10-04',
        lastDay: '2027-10-09',
        provisional: false,
      }),
    ]);

    // Every service uses it at once, without a restart.
    const after = await deadline('start=2027-09-29&count=3&unit=working_days');
    expect(after.body).toMatchObject({ lastDay: '2027-10-09', provisional: false });
    const recomputed = await client.request(getDeadline, { id: stored.id }, { context: tenant });
    expect(recomputed).toMatchObject({ lastDay: '2027-10-09', provisional: false, dueAt: '2027-10-09T16:00:00.000Z' });
    expect(recomputed.basis).toMatch(/国务院办公厅关于2027年部分节假日安排的通知/);

    // What a service instance starting now reads over NATS from the gateway.
    const served = await client.request(calendarListContract, {}, { context: RequestContexts.system() });
    expect(served.schedules).toEqual([expect.objectContaining({ year: 2027, source: NATIONAL_DAY_2027.source })]);

    const years = await sut.call('GET', '/api/v1/calendar/years', { token: operator });
    expect((years.body.loaded as { year: number }[]).map((y) => y.year)).toEqual([2027]);

    // Loading the same schedule again moves nothing.
    const again = await sut.call('PUT', '/api/v1/calendar/years/2027', { token: operator, body: NATIONAL_DAY_2027 });
    expect(again.body.movedDeadlines).toEqual([]);
  });
});
