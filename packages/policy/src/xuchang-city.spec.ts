import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateConsequences } from './evaluate-consequences.util';
import { evaluateWinnerQuotas } from './evaluate-winner-quotas.util';
import { explainPolicy } from './explain-policy.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';
import { loadLaunchPolicy } from './policy-loader.service';
import { runPolicyCli } from './run-policy-cli.util';

/**
 * A jurisdiction that is not one of the five, transcribed from its published text (许昌市市长质量奖管理办法, 2020,
 * 第一条 to 第六条) and onboarded in steps: what is not transcribed yet is listed, never claimed silent.
 */

const file = join(__dirname, '..', 'test-fixtures', 'xuchang-city.json');
const text = readFileSync(file, 'utf8');

function load(): Policy {
  const result = parsePolicy(JSON.parse(text));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  return result.policy;
}

describe('xuchang-city, from its published text', () => {
  const sut = load();

  it('validates, citing articles of the text and the evaluation standard left to another document', () => {
    expect(sut).toMatchObject({ key: 'xuchang-city', cycle: { years: 2, basis: '第四条' } });
    expect(sut.scoring.basis).toBe('第六条; 评审标准（另行制定）');
  });

  it('holds the quotas of 第四条: 2 awards, 3 nominations, vacancies allowed', () => {
    const three = evaluateWinnerQuotas(sut, [{ tier: 'award' }, { tier: 'award' }, { tier: 'award' }], []);

    expect(three.problems[0]?.reason.zh).toContain('超过名额上限2个（第四条）');
    expect(evaluateWinnerQuotas(sut, [{ tier: 'nomination' }], []).tiers[1]).toMatchObject({
      vacancies: 2,
      vacanciesAllowed: true,
    });
  });

  it('explains without claiming a silence the text does not have', () => {
    const explained = explainPolicy(sut);

    for (const silence of ['未规定', 'not stated', 'none stated', 'no reports', 'the office decides'])
      expect(explained).not.toContain(silence);
    expect(explained).toContain('失效 Expires: 尚未录入 / not yet transcribed');
    expect(explained).toContain('评审标准（另行制定）');
  });

  it('leaves consequences to the office as not yet transcribed', () => {
    expect(evaluateConsequences(sut, { kind: 'false_materials', date: '2026-01-01' })).toMatchObject({
      outcome: 'none',
      untranscribed: true,
    });
  });

  it('the launch policies keep saying where their texts are silent', () => {
    expect(explainPolicy(loadLaunchPolicy('ili'))).not.toContain('尚未录入');
  });

  it('`policy explain FILE` prints it', () => {
    const out: string[] = [];
    const code = runPolicyCli(['explain', 'xuchang-city.json'], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      readFile: (path) => (path === '/here/xuchang-city.json' ? text : ''),
      loadLaunchPolicy,
      resolvePath: (path) => `/here/${path}`,
    });

    expect(code).toBe(0);
    expect(out.join('')).toContain("许昌市市长质量奖 / Xuchang Mayor's Quality Award  [xuchang-city v1");
  });
});
