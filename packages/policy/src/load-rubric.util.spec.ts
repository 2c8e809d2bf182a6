import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRubrics, loadScoringPlans, rubricForStandard, rubricRuleFor, scoringPlanOf } from './load-rubric.util';
import { parsePolicy } from './parse-policy.util';
import { loadLaunchPolicies, loadLaunchPolicy } from './policy-loader.service';

describe('rubrics and scoring plans', () => {
  it('GB/T 19580: seven categories of the 1,000-point scheme, each the sum of its items', () => {
    const rubric = rubricForStandard('GB/T 19580');
    expect(rubric?.categories.map((category) => [category.name.zh, category.points])).toEqual([
      ['领导', 110],
      ['战略', 90],
      ['顾客与市场', 90],
      ['资源', 130],
      ['过程管理', 100],
      ['测量、分析与改进', 80],
      ['结果', 400],
    ]);
    expect(rubric?.categories.every((category) => category.pointsSource === 'standard')).toBe(true);
    // The item split is the office's configuration, said so in the data.
    const items = rubric?.categories.flatMap((category) => category.items) ?? [];
    expect(items.every((item) => item.pointsSource === 'office_configuration')).toBe(true);
    expect(items.reduce((sum, item) => sum + item.points, 0)).toBe(1000);
  });

  it('every rubric parses; every launch policy has a plan whose stages exist and whose standards it names', () => {
    expect(loadRubrics().length).toBeGreaterThan(0);
    const plans = loadScoringPlans();
    for (const policy of loadLaunchPolicies()) {
      const plan = plans.plans[policy.key];
      expect(plan).toBeDefined();
      const stages = new Set(policy.procedure.stages.map((stage) => stage.key));
      for (const stage of plan?.composite?.stages ?? [])
        expect([policy.key, stages.has(stage)]).toEqual([policy.key, true]);
      for (const cut of plan?.cuts ?? []) {
        expect([policy.key, stages.has(cut.after), stages.has(cut.to)]).toEqual([policy.key, true, true]);
      }
      const codes = new Set(policy.scoring.standards.map((standard) => standard.code));
      for (const rubric of plan?.rubrics ?? [])
        expect([policy.key, codes.has(rubric.standard)]).toEqual([policy.key, true]);
    }
  });

  it('a policy without a plan has no rubric, composite or cut', () => {
    expect(scoringPlanOf('elsewhere')).toEqual({ rubrics: [], composite: null, candidateList: null, cuts: [] });
  });

  it('a policy without a plan scores by the standards its own document names, under its scoring article', () => {
    const parsed = parsePolicy(
      JSON.parse(readFileSync(join(__dirname, '..', 'test-fixtures', 'sixth-jurisdiction.json'), 'utf8')),
    );
    if (!parsed.ok) throw new Error('the sixth jurisdiction’s document does not parse');
    expect(rubricRuleFor(parsed.policy, 'organisation')).toMatchObject({ standard: 'GB/T 19580', basis: '第七条' });
    // A standard without a number: the office records the rubric.
    expect(rubricRuleFor(parsed.policy, 'individual')).toMatchObject({ standard: null, basis: '第七条' });
    // A launch policy's plan reads its articles and wins over the document's list.
    expect(rubricRuleFor(loadLaunchPolicy('xinzhou-city'), 'individual')).toMatchObject({
      standard: 'DB14/T 1464',
      basis: '第十三条',
    });
  });
});
