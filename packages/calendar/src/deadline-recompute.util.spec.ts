import { madeUp2027Schedule } from '../test/fixtures/made-up-2027-schedule.fixture';
import { computeDeadline, type DeadlineInput } from './deadline.util';
import { recomputeDeadline as sut } from './deadline-recompute.util';
import { WorkingDayCalendar } from './working-day-calendar';

describe('recomputeDeadline', () => {
  const before = WorkingDayCalendar.builtIn();
  const after = WorkingDayCalendar.fromSchedules([madeUp2027Schedule]);
  const store = (input: DeadlineInput) => {
    const { lastDay, provisional, basis } = computeDeadline(input, before);
    return { ...input, lastDay, provisional, basis };
  };

  it('reports a provisional 2027 deadline that moves once the 2027 schedule is loaded', () => {
    const stored = store({ start: '2027-09-29', count: 3, unit: 'working_days' });
    expect(stored).toMatchObject({ lastDay: '2027-10-04', provisional: true });

    const result = sut(stored, after);
    expect(result).toMatchObject({
      previousLastDay: '2027-10-04',
      moved: true,
      shiftDays: 5,
      provisionalChanged: true,
      changed: true,
      current: { lastDay: '2027-10-09', endsAt: '2027-10-10T00:00:00+08:00', provisional: false, calendar: after.id },
    });
  });

  it('reports a calendar-day deadline moved by the extension onto a new holiday', () => {
    const stored = store({ start: '2027-09-25', count: 10, unit: 'calendar_days' });
    expect(stored.lastDay).toBe('2027-10-05');
    expect(sut(stored, after)).toMatchObject({ moved: true, shiftDays: 3, current: { lastDay: '2027-10-08' } });
  });

  it('a deadline that does not move is only updated for its provisional flag and basis', () => {
    const stored = store({ start: '2027-03-01', count: 5, unit: 'working_days' });
    expect(sut(stored, after)).toMatchObject({ moved: false, shiftDays: 0, provisionalChanged: true, changed: true });
  });

  it('a deadline in an official year does not change', () => {
    const stored = store({ start: '2026-09-30', count: 3, unit: 'working_days', policy: { basis: 'ili 第十七条' } });
    expect(sut(stored, after)).toMatchObject({ moved: false, provisionalChanged: false, changed: false });
  });
});
