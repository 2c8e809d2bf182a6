import { loadLaunchPolicy } from '@laurel/policy';
import { clawbackWindowOf, evaluateRevocation } from './revocation-evaluation.util';

describe('evaluateRevocation', () => {
  it('ili fraud: revoked, certificate and plaque, 10 years from the decision year, credit record, published', () => {
    const result = evaluateRevocation(loadLaunchPolicy('ili'), {
      ground: 'fraud_or_bribery',
      eventOn: '2026-11-10',
      awardedOn: '2025-06-01',
      tier: 'award',
      decidedOn: '2027-01-05',
    });
    expect(result.consequences.map((c) => `${c.kind}:${c.basis}`)).toEqual([
      'revoke:ili 第二十八条第二款',
      'recover_certificate_and_plaque:ili 第二十八条第二款',
      'ban:ili 第二十八条第二款',
      'credit_record:ili 第二十八条第二款',
      'publish:ili 第二十八条第二款',
    ]);
    expect(result.consequences.find((c) => c.kind === 'ban')?.ban).toEqual({
      unit: 'years',
      count: 10,
      startYear: 2027,
      allowedFromYear: 2037,
    });
  });

  it('xinzhou-district: within half a year a clawback; after it, nothing, and why', () => {
    const policy = loadLaunchPolicy('xinzhou-district');
    const facts = { ground: 'failed_spot_check' as const, awardedOn: '2025-06-01', tier: 'award' as const };
    const within = evaluateRevocation(policy, { ...facts, eventOn: '2025-12-01' });
    expect(within.consequences.map((c) => c.kind)).toContain('clawback');
    expect(clawbackWindowOf(policy, ['within-half-a-year'])).toEqual({ months: 6, from: 'award' });
    const late = evaluateRevocation(policy, { ...facts, eventOn: '2025-12-02' });
    expect(late.outcome).toBe('none');
    expect(late.rules).toEqual([
      expect.objectContaining({
        basis: 'xinzhou-district 第十七条',
        applies: false,
        reason: expect.objectContaining({ zh: '事件（2025-12-02）不在获奖后6个月内（至2025-12-01）' }),
      }),
    ]);
  });

  it('xinzhou-city: a ban of three cycles counted in the policy’s cycles, from the revocation year', () => {
    const result = evaluateRevocation(loadLaunchPolicy('xinzhou-city'), {
      ground: 'refusing_duties',
      eventOn: '2026-03-01',
      awardedOn: '2024-06-01',
      tier: 'award',
      decidedOn: '2026-05-01',
    });
    expect(result.consequences.find((c) => c.kind === 'ban')?.ban).toEqual({
      unit: 'cycles',
      count: 3,
      startYear: 2026,
      allowedFromYear: 2035,
    });
    expect(clawbackWindowOf(loadLaunchPolicy('xinzhou-city'), ['revocation'])).toBeNull();
  });
});
