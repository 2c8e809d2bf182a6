import { pageArgs, pageOf } from './page.util';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id-${i}` }));

describe('pages of a list', () => {
  it('reads one row more than the page, from the cursor row but without it', () => {
    expect(pageArgs({}, { status: 'received' })).toEqual({ where: { status: 'received' }, take: 101 });
    expect(pageArgs({ after: 'id-4', limit: 2 }, { status: 'received' })).toEqual({
      where: { AND: [{ status: 'received' }, { id: { not: 'id-4' } }] },
      take: 3,
      cursor: { id: 'id-4' },
    });
  });

  it('answers where the next page starts, and null on the last', () => {
    expect(pageOf(rows(3), { limit: 2 })).toEqual({ rows: rows(2), next: 'id-1' });
    expect(pageOf(rows(2), { limit: 2 })).toEqual({ rows: rows(2), next: null });
    expect(pageOf(rows(0), {})).toEqual({ rows: [], next: null });
  });
});
