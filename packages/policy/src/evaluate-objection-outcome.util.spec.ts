import { evaluateObjectionOutcome } from './evaluate-objection-outcome.util';
import { launchPolicyKeys } from './launch-policy-keys.util';
import { loadLaunchPolicies } from './policy-loader.service';

const policies = loadLaunchPolicies();
const policy = (key: string) => {
  const found = policies.find((p) => p.key === key);
  if (!found) throw new Error(`no launch policy ${key}`);
  return found;
};

describe('evaluateObjectionOutcome', () => {
  it('ili 第二十一条: founded on a prohibited condition disqualifies, with the article', () => {
    expect(evaluateObjectionOutcome(policy('ili'), { outcome: 'upheld', prohibitedGround: true })).toEqual({
      effect: 'disqualify',
      basis: 'ili 第二十一条',
      reason: expect.objectContaining({ zh: expect.stringContaining('取消申报资格') }),
    });
  });

  it('ili 第二十一条: unfounded, the applicant continues, with the article', () => {
    for (const outcome of ['dismissed', 'refused'] as const) {
      expect(evaluateObjectionOutcome(policy('ili'), { outcome, prohibitedGround: false })).toMatchObject({
        effect: 'continue',
        basis: 'ili 第二十一条',
      });
    }
  });

  it('with no rules recorded for the notice nothing is automated: founded is left to people, unfounded continues', () => {
    expect(evaluateObjectionOutcome(null, { outcome: 'upheld', prohibitedGround: true })).toMatchObject({
      effect: 'decided_by_people',
      basis: null,
    });
    expect(evaluateObjectionOutcome(null, { outcome: 'dismissed', prohibitedGround: false })).toMatchObject({
      effect: 'continue',
      basis: null,
    });
  });

  it('ili: founded on another ground is left to people (the text names no consequence)', () => {
    expect(evaluateObjectionOutcome(policy('ili'), { outcome: 'upheld', prohibitedGround: false })).toMatchObject({
      effect: 'decided_by_people',
      basis: null,
    });
  });

  it('linxia 第二十三条 names only the unfounded case: a founded objection, even on a prohibited condition, is decided by people', () => {
    expect(evaluateObjectionOutcome(policy('linxia'), { outcome: 'dismissed', prohibitedGround: false })).toMatchObject(
      {
        effect: 'continue',
        basis: 'linxia 第二十三条',
      },
    );
    expect(evaluateObjectionOutcome(policy('linxia'), { outcome: 'upheld', prohibitedGround: true })).toMatchObject({
      effect: 'decided_by_people',
      basis: null,
    });
  });

  it.each(['inner-mongolia', 'xinzhou-district', 'xinzhou-city'])(
    '%s sets out no result of objections: nothing founded is automated, nothing unfounded has a consequence',
    (key) => {
      expect(evaluateObjectionOutcome(policy(key), { outcome: 'upheld', prohibitedGround: true }).effect).toBe(
        'decided_by_people',
      );
      expect(evaluateObjectionOutcome(policy(key), { outcome: 'dismissed', prohibitedGround: false }).effect).toBe(
        'continue',
      );
    },
  );

  it('covers every launch policy', () => {
    expect(policies.map((p) => p.key).sort()).toEqual([...launchPolicyKeys].sort());
  });
});
