import { nextDeadline } from './clawback-deadline.util';

describe('a clawback case’s next deadline', () => {
  const schedule = [
    { dueOn: '2027-03-31', amountFen: 300 },
    { dueOn: '2027-06-30', amountFen: 700 },
  ];

  it('is the demand letter’s due date until an agreement, reminded days before at the start of the day (Shanghai)', () => {
    expect(nextDeadline('2027-02-28', null, 0n, 7)).toEqual({
      dueOn: '2027-02-28',
      remindAt: new Date('2027-02-20T16:00:00.000Z'),
      dueAt: new Date('2027-02-28T16:00:00.000Z'),
    });
  });

  it('is the first instalment not yet covered by what was recovered; none once all are', () => {
    expect(nextDeadline('2027-02-28', schedule, 0n, 0)?.dueOn).toBe('2027-03-31');
    expect(nextDeadline('2027-02-28', schedule, 299n, 0)?.dueOn).toBe('2027-03-31');
    expect(nextDeadline('2027-02-28', schedule, 300n, 0)?.dueOn).toBe('2027-06-30');
    expect(nextDeadline('2027-02-28', schedule, 1000n, 0)).toBeNull();
  });
});
