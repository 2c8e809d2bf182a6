import { evaluateUseReport, OTHER_USE, useRulesOf } from './evaluate-use-report.util';
import { explainPolicy } from './explain-policy.util';
import { loadLaunchPolicy } from './policy-loader.service';

describe('useRulesOf', () => {
  it('inner-mongolia 第十九条: five purposes, restricted (不得挪作他用), a performance evaluation', () => {
    const rules = useRulesOf(loadLaunchPolicy('inner-mongolia'));

    expect(rules).toMatchObject({
      restricted: true,
      otherAllowed: false,
      performanceEvaluation: true,
      basis: '第十九条',
    });
    expect(rules?.purposes.map((purpose) => purpose.key)).toEqual([
      'quality_research',
      'quality_improvement',
      'staff_training',
      'laboratories',
      'promotion',
    ]);
  });

  it('xinzhou-city 第二十二条: seven purposes, "主要用于" (other uses reported as such), no evaluation', () => {
    const rules = useRulesOf(loadLaunchPolicy('xinzhou-city'));

    expect(rules).toMatchObject({ restricted: false, otherAllowed: true, performanceEvaluation: false });
    expect(rules?.purposes).toHaveLength(7);
    expect(rules?.basis).toBe('第二十二条');
  });

  it.each(['ili', 'linxia', 'xinzhou-district'] as const)('%s: the text is silent, no restricted use', (key) => {
    expect(useRulesOf(loadLaunchPolicy(key))).toBeNull();
  });

  it('explains the use of money where stated, and says the text is silent only where it is', () => {
    expect(explainPolicy(loadLaunchPolicy('inner-mongolia'))).toContain('资金用途 Use of money（限定 restricted）');
    expect(explainPolicy(loadLaunchPolicy('inner-mongolia'))).toContain('绩效评价');
    expect(explainPolicy(loadLaunchPolicy('xinzhou-district'))).toContain('资金用途 Use of money: 未规定');
    expect(explainPolicy(loadLaunchPolicy('xinzhou-city'))).not.toContain('资金用途 Use of money: 未规定');
  });
});

describe('evaluateUseReport', () => {
  const mongolia = loadLaunchPolicy('inner-mongolia');
  const line = (purpose: string, amountFen: number, description = '质量攻关项目') => ({
    purpose,
    amountFen,
    description,
  });

  it('accepts listed purposes whose total is within what was paid', () => {
    const outcome = evaluateUseReport(mongolia, {
      paidFen: 100_000_000,
      lines: [line('quality_research', 60_000_000), line('laboratories', 40_000_000)],
    });

    expect(outcome).toEqual({ ok: true, totalFen: 100_000_000, basis: '第十九条' });
  });

  it('refuses an unknown purpose with the article (不得挪作他用), and `other` where the use is restricted', () => {
    const outcome = evaluateUseReport(mongolia, {
      paidFen: 100_000_000,
      lines: [line('quality_research', 1), line('dividends', 1), line(OTHER_USE, 1)],
    });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.line, p.field, p.basis])).toEqual([
      [1, 'purpose', '第十九条'],
      [2, 'purpose', '第十九条'],
    ]);
    expect(outcome.problems[0]?.reason.zh).toContain('不得挪作他用');
  });

  it('takes `other` where the text says only "主要用于" (xinzhou-city), finance judging it', () => {
    const outcome = evaluateUseReport(loadLaunchPolicy('xinzhou-city'), {
      paidFen: 20_000_000,
      lines: [line(OTHER_USE, 5_000_000, '质量信息化平台'), line('standards', 1)],
    });

    expect(outcome).toMatchObject({ ok: true, totalFen: 5_000_001 });
  });

  it('refuses a total over the amount paid, citing the article', () => {
    const outcome = evaluateUseReport(mongolia, {
      paidFen: 50_000_000,
      lines: [line('quality_research', 30_000_000), line('promotion', 20_000_001)],
    });

    expect(outcome).toMatchObject({ ok: false, problems: [{ line: null, field: 'lines', basis: '第十九条' }] });
    if (!outcome.ok) expect(outcome.problems[0]?.reason.zh).toContain('超过已拨付的 500,000.00 元');
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2])('refuses the amount %p', (amountFen) => {
    const outcome = evaluateUseReport(mongolia, { paidFen: 100, lines: [line('promotion', amountFen)] });

    expect(outcome).toMatchObject({ ok: false, problems: [{ line: 0, field: 'amountFen' }] });
  });

  it('refuses an empty report and an empty description', () => {
    expect(evaluateUseReport(mongolia, { paidFen: 100, lines: [] })).toMatchObject({
      ok: false,
      problems: [{ field: 'lines' }],
    });
    expect(evaluateUseReport(mongolia, { paidFen: 100, lines: [line('promotion', 1, '  ')] })).toMatchObject({
      ok: false,
      problems: [{ line: 0, field: 'description' }],
    });
  });

  it('owes no report where the text is silent (xinzhou-district), citing nothing', () => {
    const outcome = evaluateUseReport(loadLaunchPolicy('xinzhou-district'), {
      paidFen: 100,
      lines: [line('promotion', 1)],
    });

    expect(outcome).toMatchObject({ ok: false, problems: [{ line: null, field: 'lines', basis: null }] });
  });
});
