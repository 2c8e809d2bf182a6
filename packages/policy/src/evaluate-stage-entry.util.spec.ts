import { evaluateStageEntry, previousReviewStage, reviewStagesOf } from './evaluate-stage-entry.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';
import { loadLaunchPolicies } from './policy-loader.service';

const policies = loadLaunchPolicies();
const policy = (key: string): Policy => {
  const found = policies.find((p) => p.key === key);
  if (!found) throw new Error(`no launch policy ${key}`);
  return found;
};

const org = (previous: 'went_on' | 'stopped' | null = null) =>
  ({ applicationId: 'org', applicantKind: 'organisation', previous }) as const;
const person = (previous: 'went_on' | 'stopped' | null = null) =>
  ({ applicationId: 'person', applicantKind: 'individual', previous }) as const;

describe('evaluateStageEntry', () => {
  it('orders the review stages as each procedure does', () => {
    expect(reviewStagesOf(policy('linxia')).map((s) => s.key)).toEqual(['defense', 'onsite']);
    expect(reviewStagesOf(policy('inner-mongolia')).map((s) => s.key)).toEqual(['material', 'onsite', 'defense']);
    expect(previousReviewStage(policy('inner-mongolia'), 'defense')?.key).toBe('onsite');
    expect(previousReviewStage(policy('linxia'), 'defense')).toBeNull();
  });

  it('linxia 第十九条: an individual skips the defense and enters on-site review from the accepted list', () => {
    const defense = evaluateStageEntry(policy('linxia'), 'defense', [org(), person()]);
    expect(defense.map((f) => [f.applicationId, f.decision, f.basis])).toEqual([
      ['org', 'enters', 'linxia 第十八条; 第十九条'],
      ['person', 'skips', 'linxia 第十八条; 第十九条'],
    ]);
    const onsite = evaluateStageEntry(policy('linxia'), 'onsite', [org('went_on'), person(null)]);
    expect(onsite.map((f) => [f.applicationId, f.decision, f.basis])).toEqual([
      ['org', 'enters', 'linxia 第十九条'],
      ['person', 'enters', 'linxia 第十九条'],
    ]);
    expect(onsite[1]?.reason.zh).toContain('申报个人');
  });

  it('an organisation that did not go on from the previous stage stays out, with the article', () => {
    const [stopped, absent] = evaluateStageEntry(policy('linxia'), 'onsite', [
      org('stopped'),
      { ...org(null), applicationId: 'other' },
    ]);
    expect(stopped).toMatchObject({ decision: 'stays_out', basis: 'linxia 第十九条' });
    expect(absent).toMatchObject({ decision: 'stays_out' });
    expect(stopped?.reason.zh).toContain('未通过「陈述答辩」');
  });

  it('where the text is silent the office decides: no entry (xinzhou-city 第十七条) or no rule for the kind', () => {
    const silent = evaluateStageEntry(policy('xinzhou-city'), 'material', [org(), person()]);
    expect(silent.map((f) => [f.decision, f.basis])).toEqual([
      ['office_decides', null],
      ['office_decides', null],
    ]);
    expect(silent[0]?.reason.zh).toContain('由办公室决定');
    const ili = evaluateStageEntry(policy('ili'), 'defense', [org(), person()]);
    expect(ili.map((f) => f.decision)).toEqual(['enters', 'office_decides']);
  });

  it('`went_on` on the first review stage has nothing to go on from: the office decides', () => {
    const base = policy('ili');
    const changed: Policy = {
      ...base,
      procedure: {
        ...base.procedure,
        stages: base.procedure.stages.map((s) =>
          s.key === 'defense' ? { ...s, entry: { organisation: 'went_on', individual: null, basis: '第十四条' } } : s,
        ),
      },
    };
    expect(evaluateStageEntry(changed, 'defense', [org('went_on')])[0]?.decision).toBe('office_decides');
  });

  it('refuses a stage the policy does not have', () => {
    expect(() => evaluateStageEntry(policy('ili'), 'nowhere', [])).toThrow(RangeError);
  });

  it('a policy that says `went_on` on its first review stage, or gives entry to a stage that is not a review, is refused', () => {
    const base = policy('linxia');
    const document = {
      ...base,
      procedure: {
        ...base.procedure,
        stages: base.procedure.stages.map((s) =>
          s.key === 'defense'
            ? { ...s, entry: { organisation: 'went_on', individual: null, basis: '第十八条' } }
            : s.key === 'composite'
              ? { ...s, entry: { organisation: 'accepted', individual: null, basis: '第二十条' } }
              : s,
        ),
      },
    };
    const parsed = parsePolicy(document);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const defense = base.procedure.stages.findIndex((s) => s.key === 'defense');
    const composite = base.procedure.stages.findIndex((s) => s.key === 'composite');
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        {
          path: `procedure.stages[${defense}].entry.organisation`,
          reason: expect.stringContaining('first review stage'),
        },
        { path: `procedure.stages[${composite}].entry`, reason: expect.stringContaining('only review stages') },
      ]),
    );
  });
});
