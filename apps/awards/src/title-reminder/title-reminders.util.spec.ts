import { titleRemindersOf } from './title-reminders.util';

const granted = new Date('2026-12-01T02:00:00Z');

describe('titleRemindersOf', () => {
  it('an active title with a last valid day: 30 and 7 days before it, 00:00 Asia/Shanghai', () => {
    expect(
      titleRemindersOf({ status: 'active', validUntil: '2031-11-30', rectifyBy: null, statusChangedAt: granted }),
    ).toEqual([
      { kind: 'validity_ends', targetDate: '2031-11-30', daysBefore: 30, runAt: new Date('2031-10-30T16:00:00Z') },
      { kind: 'validity_ends', targetDate: '2031-11-30', daysBefore: 7, runAt: new Date('2031-11-22T16:00:00Z') },
    ]);
  });

  it('no validity, or a state that is not active: nothing before the last day', () => {
    expect(titleRemindersOf({ status: 'active', validUntil: null, rectifyBy: null, statusChangedAt: granted })).toEqual(
      [],
    );
    expect(
      titleRemindersOf({ status: 'expired', validUntil: '2031-11-30', rectifyBy: null, statusChangedAt: granted }),
    ).toEqual([]);
  });

  it('rectifying: 30 and 7 days before the rectification date, and the day after it for the office', () => {
    const plans = titleRemindersOf({
      status: 'rectifying',
      validUntil: '2031-11-30',
      rectifyBy: '2032-06-30',
      statusChangedAt: new Date('2031-12-10T02:00:00Z'),
    });
    expect(plans.map((p) => [p.kind, p.daysBefore, p.runAt.toISOString()])).toEqual([
      ['rectify_by', 30, '2032-05-30T16:00:00.000Z'],
      ['rectify_by', 7, '2032-06-22T16:00:00.000Z'],
      ['rectify_by', 0, '2032-06-30T16:00:00.000Z'],
    ]);
  });

  it('a reminder that fell due before the title entered its state is not sent', () => {
    const plans = titleRemindersOf({
      status: 'active',
      validUntil: '2027-01-05',
      rectifyBy: null,
      statusChangedAt: new Date('2026-12-20T02:00:00Z'),
    });
    expect(plans.map((p) => p.daysBefore)).toEqual([7]);
  });
});
