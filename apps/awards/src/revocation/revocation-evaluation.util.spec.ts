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

  it('a permanent ban (不再受理), the duty to stop using the title, and a summons short of revocation', () => {
    const policy = structuredClone(loadLaunchPolicy('ili'));
    const fraud = policy.consequences.find((rule) => rule.events.includes('fraud_or_bribery'));
    if (!fraud) throw new Error('ili names fraud');
    fraud.actions.ban = { unit: 'permanent', from: 'decision_year' };
    fraud.actions.stopUsingTitle = true;
    policy.consequences.push({
      ...fraud,
      id: 'periodic-evaluation',
      events: ['failed_periodic_evaluation'],
      requiresAward: true,
      window: { kind: 'any_time' },
      actions: {
        ...fraud.actions,
        revoke: false,
        recoverCertificateAndPlaque: false,
        ban: null,
        creditRecord: null,
        publish: false,
        stopUsingTitle: false,
        summons: { by: { zh: '办公室', en: 'the office' } },
      },
    });
    const facts = { awardedOn: '2025-06-01', tier: 'award' as const, eventOn: '2026-11-10', decidedOn: '2027-01-05' };

    const revoked = evaluateRevocation(policy, { ...facts, ground: 'fraud_or_bribery' });
    const summoned = evaluateRevocation(policy, { ...facts, ground: 'failed_periodic_evaluation' });

    expect(revoked.consequences.find((c) => c.kind === 'ban')?.ban).toEqual({
      unit: 'permanent',
      count: null,
      startYear: 2027,
      allowedFromYear: null,
    });
    expect(revoked.consequences.map((c) => c.kind)).toContain('stop_using_title');
    expect(summoned.consequences.map((c) => c.kind)).toEqual(['summons']);
  });
});
