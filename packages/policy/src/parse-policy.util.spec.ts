import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { launchPolicyKeys } from './launch-policy-keys.util';
import { parsePolicy } from './parse-policy.util';
import { launchPoliciesDirectory } from './policy-loader.service';

type Json = Record<string, unknown>;

function rawPolicy(key: string): Json {
  return JSON.parse(readFileSync(join(launchPoliciesDirectory(), `${key}.json`), 'utf8')) as Json;
}

/** Sets a value at a dotted path with [index] segments, e.g. "tiers[1].quota.max". */
function set(document: Json, path: string, value: unknown): void {
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let cursor: Record<string, unknown> = document;
  for (const segment of segments.slice(0, -1)) cursor = cursor[segment] as Record<string, unknown>;
  cursor[segments.at(-1) as string] = value;
}

function problemsOf(document: unknown): Array<{ path: string; reason: string }> {
  const result = parsePolicy(document);
  return result.ok ? [] : [...result.problems];
}

describe('parsePolicy', () => {
  const sut = parsePolicy;

  it.each([...launchPolicyKeys])('accepts the launch policy %s', (key) => {
    const result = sut(rawPolicy(key));

    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.policy.key).toBe(key);
  });

  it('lists every problem with its path and reason, not just the first', () => {
    const document = rawPolicy('ili');
    set(document, 'tiers[1].quota.max', -1);
    set(document, 'tiers[1].key', 'award');
    set(document, 'tiers[0].money', {
      form: 'prize',
      fen: { organisation: 12.5, individual: 100 },
      repeatWinner: null,
      basis: '第四条',
    });
    set(document, 'tiers[0].prize', 5);
    set(document, 'procedure.notices[0].stage', 'nowhere');
    set(document, 'procedure.stages[2].order', 1);
    set(document, 'procedure.stages[3].kind', 'approval');
    set(document, 'regulation.issued', '2025-02-30');
    set(document, 'regulation.expires', { rule: 'fixed_date', date: '2020-01-01', basis: '第三十二条' });
    set(document, 'consequences[0].actions.ban.count', 0);
    set(document, 'cycle.basis', 'Article 4');
    set(document, 'eligibility[0].appliesTo', ['individual']);
    set(document, 'schemaVersion', 2);

    const problems = problemsOf(document);
    const paths = problems.map((problem) => problem.path);

    expect(paths).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'tiers[1].quota.max',
        'tiers[1].key',
        'tiers[0].money.fen.organisation',
        'tiers[0].money.fen.individual',
        'tiers[0].prize',
        'procedure.notices[0].stage',
        'procedure.stages[2].order',
        'procedure.stages[4].kind',
        'regulation.issued',
        'regulation.expires.date',
        'consequences[0].actions.ban.count',
        'cycle.basis',
        'eligibility[0].appliesTo[0]',
      ]),
    );
    expect(problems.find((problem) => problem.path === 'tiers[1].key')?.reason).toContain('duplicate tier key "award"');
    expect(problems.find((problem) => problem.path === 'procedure.notices[0].stage')?.reason).toContain(
      'no stage "nowhere"',
    );
    expect(problems.find((problem) => problem.path === 'tiers[0].money.fen.individual')?.reason).toContain(
      'may not apply',
    );
    expect(problems.find((problem) => problem.path === 'tiers[0].prize')?.reason).toBe('unknown field');
    expect(problems.find((problem) => problem.path === 'regulation.expires.date')?.reason).toContain('before in force');
  });

  it.each([
    ['a missing field', 'cycle', undefined, 'cycle', 'required'],
    [
      'an in-force date before issue',
      'regulation.inForce.date',
      '2024-11-01',
      'regulation.inForce.date',
      'before issued',
    ],
    [
      'an in-force date too early for its rule',
      'regulation.inForce.date',
      '2024-11-20',
      'regulation.inForce.date',
      '30 days after publication',
    ],
    [
      'a period in unknown units',
      'procedure.notices[0].period.unit',
      'weeks',
      'procedure.notices[0].period.unit',
      'working_days',
    ],
    ['a notice period of zero', 'procedure.notices[0].period.count', 0, 'procedure.notices[0].period.count', '>0'],
    ['a negative quota', 'tiers[0].quota.max', -2, 'tiers[0].quota.max', '>=0'],
    ['a fractional quota', 'tiers[0].quota.max', 2.5, 'tiers[0].quota.max', 'int'],
    [
      'a duplicate stage key',
      'procedure.stages[1].key',
      'internal_publicity',
      'procedure.stages[1].key',
      'duplicate stage key',
    ],
    [
      'a window after the award without an award',
      'consequences[2].requiresAward',
      false,
      'consequences[2].window',
      'requiresAward',
    ],
    [
      'a clawback where no tier pays',
      'consequences[1].actions.clawback',
      true,
      'consequences[1].actions.clawback',
      'no tier pays money',
    ],
    ['an unknown event', 'consequences[0].events', ['jaywalking'], 'consequences[0].events[0]', 'Invalid option'],
    ['a tier without the award', 'tiers[0].key', 'nomination', 'tiers', 'needs the "award" tier'],
  ])('reports %s', (_name, path, value, problemPath, reason) => {
    const document = rawPolicy('ili');
    set(document, path, value);

    const problems = problemsOf(document);

    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: problemPath, reason: expect.stringContaining(reason) })]),
    );
  });

  it('checks the expiry computed from the in-force date', () => {
    const document = rawPolicy('linxia');
    set(document, 'regulation.expires.date', '2028-10-18');

    expect(problemsOf(document)).toEqual([
      {
        path: 'regulation.expires.date',
        reason: '5 years after in force (2023-10-19) ends on 2028-10-19, got 2028-10-18',
      },
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf(42)).toEqual([{ path: '(root)', reason: 'Invalid input: expected object, received number' }]);
  });

  it('names the exact path of any bad quota or amount in any launch policy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...launchPolicyKeys),
        fc.nat(5),
        fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true, noNaN: true })),
        fc.constantFrom('quota.max', 'money.fen.organisation'),
        (key, tierIndex, bad, field) => {
          const document = rawPolicy(key);
          const tiers = document.tiers as unknown[];
          const index = tierIndex % tiers.length;
          set(document, `tiers[${index}].${field}`, bad);

          expect(problemsOf(document).map((problem) => problem.path)).toContain(`tiers[${index}].${field}`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
