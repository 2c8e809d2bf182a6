import { applicationFilterOf } from './application-filter.util';

describe('applicationFilterOf', () => {
  it('does not narrow without a filter, nor with an empty list of statuses', () => {
    expect(applicationFilterOf({})).toEqual({});
    expect(applicationFilterOf({ status: [] })).toEqual({});
  });

  it('narrows to a cycle, to any of the statuses, and to a stage, all together', () => {
    expect(applicationFilterOf({ cycleNumber: 3 })).toEqual({ cycleNumber: 3 });
    expect(applicationFilterOf({ status: ['submitted'] })).toEqual({ status: { in: ['submitted'] } });
    expect(applicationFilterOf({ cycleNumber: 1, status: ['submitted', 'returned'], stage: 'recommendation' })).toEqual(
      {
        cycleNumber: 1,
        status: { in: ['submitted', 'returned'] },
        stage: 'recommendation',
      },
    );
  });

  it('leaves the caller’s list of statuses as it was', () => {
    const status = Object.freeze(['accepted'] as const);
    expect(applicationFilterOf({ status })).toEqual({ status: { in: ['accepted'] } });
  });
});
