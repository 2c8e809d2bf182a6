import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLaunchPolicy } from './policy-loader.service';
import { runPolicyCli } from './run-policy-cli.util';

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (text: string) => out.push(text),
      err: (text: string) => err.push(text),
      readFile: (path: string) => {
        const content = files[path];
        if (content === undefined) throw new Error(`ENOENT: ${path}`);
        return content;
      },
      loadLaunchPolicy,
    },
  };
}

const sixth = readFileSync(join(__dirname, '..', 'test-fixtures', 'sixth-jurisdiction.json'), 'utf8');

describe('runPolicyCli', () => {
  const sut = runPolicyCli;

  it('validate: prints OK and exits 0', () => {
    const fake = io({ 'sixth.json': sixth });

    expect(sut(['validate', 'sixth.json'], fake.io)).toBe(0);
    expect(fake.out.join('')).toContain('OK sixth.json: moumou-city v1');
  });

  it('validate: prints every problem and exits 1', () => {
    const broken = JSON.parse(sixth) as { tiers: Array<{ quota: { max: number } }>; cycle: unknown };
    (broken.tiers[1] as { quota: { max: number } }).quota.max = -3;
    broken.cycle = { years: 0, basis: '第三条' };
    const fake = io({ 'broken.json': JSON.stringify(broken) });

    expect(sut(['validate', 'broken.json'], fake.io)).toBe(1);
    const text = fake.err.join('');
    expect(text).toContain('2 problem(s)');
    expect(text).toContain('tiers[1].quota.max: ');
    expect(text).toContain('cycle.years: ');
  });

  it('validate: a file that is not JSON exits 1', () => {
    const fake = io({ 'x.json': '{' });

    expect(sut(['validate', 'x.json'], fake.io)).toBe(1);
    expect(fake.err.join('')).toContain('not JSON');
  });

  it.each([
    ['ili', ['第二十四条', '5年内', '3个工作日', 'at least 5 working days', '未规定 / not stated']],
    ['xinzhou-city', ['¥200,000.00', '¥30,000.00', '3个评选周期内不得申报', '2026-11-30', '包括但不限于']],
    ['inner-mongolia', ['¥1,000,000.00', '再次获奖不再给予资金', '由办公室确定', '7个工作日 / 7 working days']],
    ['linxia', ['原则上每届2个', '每年7月', '2028-10-19']],
    ['xinzhou-district', ['获奖后6个月内', '不少于7天', '¥80,000.00', '¥10,000.00']],
  ] as const)('explain %s prints a bilingual summary', (key, expected) => {
    const fake = io();

    expect(sut(['explain', key], fake.io)).toBe(0);
    const text = fake.out.join('');
    for (const fragment of expected) expect(text).toContain(fragment);
  });

  it('explain: accepts a file path', () => {
    const fake = io({ 'sixth.json': sixth });

    expect(sut(['explain', 'sixth.json'], fake.io)).toBe(0);
    expect(fake.out.join('')).toContain('Moumou');
  });

  it('prints usage and exits 2 on a bad command', () => {
    const fake = io();

    expect(sut(['frobnicate'], fake.io)).toBe(2);
    expect(fake.err.join('')).toContain('usage');
  });
});
