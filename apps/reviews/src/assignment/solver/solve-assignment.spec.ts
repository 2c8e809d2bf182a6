import { type AssignmentProblem, type Binding, type ProblemExpert, pairKey, solveAssignment } from './solve-assignment';

/** A small deterministic PRNG (mulberry32), so the random cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const apps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, name: `申报${i}` }));
const experts = (m: number, minLoad: number, maxLoad: number): ProblemExpert[] =>
  Array.from({ length: m }, (_, j) => ({ id: `e${j}`, name: `专家${j}`, minLoad, maxLoad }));

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

/** Every assignment of a tiny problem: the least Σ load(load+1)/2 over the feasible ones, or null when none is. */
function bruteForce(problem: AssignmentProblem): number | null {
  const lockedOf = (a: string) => problem.locked.filter((p) => p.applicationId === a).map((p) => p.expertId);
  const choices = problem.applications.map((a) => {
    const locked = lockedOf(a.id);
    const free = problem.experts.filter((e) => !problem.excluded.has(pairKey(a.id, e.id)) && !locked.includes(e.id));
    return combinations(free, problem.panelSize - locked.length).map((c) => [...c.map((e) => e.id), ...locked]);
  });
  let best: number | null = null;
  const loads = new Map<string, number>();
  const walk = (i: number) => {
    if (i === choices.length) {
      if (problem.experts.some((e) => (loads.get(e.id) ?? 0) < e.minLoad || (loads.get(e.id) ?? 0) > e.maxLoad)) return;
      const cost = [...loads.values()].reduce((sum, l) => sum + (l * (l + 1)) / 2, 0);
      if (best === null || cost < best) best = cost;
      return;
    }
    for (const choice of choices[i] as string[][]) {
      for (const e of choice) loads.set(e, (loads.get(e) ?? 0) + 1);
      walk(i + 1);
      for (const e of choice) loads.set(e, (loads.get(e) ?? 0) - 1);
    }
  };
  walk(0);
  return best;
}

function checkValid(problem: AssignmentProblem, pairs: readonly { applicationId: string; expertId: string }[]) {
  for (const a of problem.applications) {
    const mine = pairs.filter((p) => p.applicationId === a.id);
    expect(mine).toHaveLength(problem.panelSize);
    expect(new Set(mine.map((p) => p.expertId)).size).toBe(problem.panelSize);
    for (const p of mine) expect(problem.excluded.has(pairKey(p.applicationId, p.expertId))).toBe(false);
  }
  for (const e of problem.experts) {
    const load = pairs.filter((p) => p.expertId === e.id).length;
    expect(load).toBeGreaterThanOrEqual(e.minLoad);
    expect(load).toBeLessThanOrEqual(e.maxLoad);
  }
  for (const l of problem.locked) expect(pairs).toContainEqual(l);
}

describe('solveAssignment (min-cost flow)', () => {
  it('gives every application the panel size, loads as even as they can be', () => {
    const problem: AssignmentProblem = {
      panelSize: 3,
      applications: apps(10),
      experts: experts(6, 0, 10),
      excluded: new Set(),
      locked: [],
    };
    const outcome = solveAssignment(problem);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.bindings));
    checkValid(problem, outcome.pairs);
    expect([...outcome.loads.values()].sort()).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('never assigns an excluded pair and keeps locked pairs', () => {
    const problem: AssignmentProblem = {
      panelSize: 2,
      applications: apps(4),
      experts: experts(4, 0, 4),
      excluded: new Set([pairKey('a0', 'e0'), pairKey('a0', 'e1'), pairKey('a1', 'e0')]),
      locked: [{ applicationId: 'a2', expertId: 'e0' }],
    };
    const outcome = solveAssignment(problem);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.bindings));
    checkValid(problem, outcome.pairs);
    expect(outcome.pairs.filter((p) => p.applicationId === 'a0').map((p) => p.expertId)).toEqual(['e2', 'e3']);
  });

  it('is optimal (Σ load² least) and agrees on feasibility with brute force on 300 small random problems', () => {
    const next = random(20261207);
    let feasible = 0;
    for (let run = 0; run < 300; run++) {
      const n = 1 + Math.floor(next() * 4);
      const m = 2 + Math.floor(next() * 3);
      const k = 1 + Math.floor(next() * Math.min(2, m));
      const ex = experts(m, 0, 0).map((e) => {
        const minLoad = Math.floor(next() * 2);
        return { ...e, minLoad, maxLoad: minLoad + 1 + Math.floor(next() * 3) };
      });
      const excluded = new Set<string>();
      for (const a of apps(n)) for (const e of ex) if (next() < 0.2) excluded.add(pairKey(a.id, e.id));
      const locked =
        next() < 0.3
          ? [
              {
                applicationId: 'a0',
                expertId: (ex.find((e) => !excluded.has(pairKey('a0', e.id))) ?? ex[0])?.id as string,
              },
            ].filter((p) => !excluded.has(pairKey(p.applicationId, p.expertId)))
          : [];
      const problem: AssignmentProblem = { panelSize: k, applications: apps(n), experts: ex, excluded, locked };
      const best = bruteForce(problem);
      const outcome = solveAssignment(problem);
      expect(outcome.ok).toBe(best !== null);
      if (outcome.ok) {
        feasible++;
        checkValid(problem, outcome.pairs);
        const cost = [...outcome.loads.values()].reduce((sum, l) => sum + (l * (l + 1)) / 2, 0);
        expect(cost).toBe(best);
      }
    }
    expect(feasible).toBeGreaterThan(50);
  });

  it('is deterministic whatever the order of its input', () => {
    const problem: AssignmentProblem = {
      panelSize: 2,
      applications: apps(7),
      experts: experts(5, 1, 5),
      excluded: new Set([pairKey('a3', 'e1')]),
      locked: [],
    };
    const first = solveAssignment(problem);
    const second = solveAssignment({
      ...problem,
      applications: [...problem.applications].reverse(),
      experts: [...problem.experts].reverse(),
    });
    expect(second).toEqual(first);
  });

  describe('says which constraint binds', () => {
    const only = (outcome: ReturnType<typeof solveAssignment>): readonly Binding[] => {
      if (outcome.ok) throw new Error('expected no assignment');
      return outcome.bindings;
    };

    it('an application with fewer experts without a conflict than the panel size', () => {
      const ex = experts(5, 0, 5);
      const bindings = only(
        solveAssignment({
          panelSize: 5,
          applications: apps(2),
          experts: ex,
          excluded: new Set([pairKey('a1', 'e0'), pairKey('a1', 'e3')]),
          locked: [],
        }),
      );
      expect(bindings).toEqual([
        { constraint: 'panel_size', application: { id: 'a1', name: '申报1' }, eligible: 3, needed: 5 },
      ]);
    });

    it('the panel’s total capacity', () => {
      const bindings = only(
        solveAssignment({
          panelSize: 2,
          applications: apps(5),
          experts: experts(3, 0, 3),
          excluded: new Set(),
          locked: [],
        }),
      );
      expect(bindings).toEqual([{ constraint: 'total_max_load', capacity: 9, needed: 10 }]);
    });

    it('the least loads together', () => {
      const bindings = only(
        solveAssignment({
          panelSize: 1,
          applications: apps(2),
          experts: experts(3, 1, 2),
          excluded: new Set(),
          locked: [],
        }),
      );
      expect(bindings).toEqual([{ constraint: 'total_min_load', least: 3, needed: 2 }]);
    });

    it('applications whose only possible experts are full (a minimum cut), naming them', () => {
      // a0 and a1 may only go to e0 and e1 (max 1 each); e2 has room but a conflict with both.
      const ex = [
        { id: 'e0', name: '甲', minLoad: 0, maxLoad: 1 },
        { id: 'e1', name: '乙', minLoad: 0, maxLoad: 1 },
        { id: 'e2', name: '丙', minLoad: 0, maxLoad: 9 },
      ];
      const bindings = only(
        solveAssignment({
          panelSize: 1,
          applications: apps(3),
          experts: ex,
          excluded: new Set([pairKey('a0', 'e2'), pairKey('a1', 'e2'), pairKey('a2', 'e2')]),
          locked: [],
        }),
      );
      expect(bindings).toHaveLength(1);
      const [binding] = bindings;
      if (binding?.constraint !== 'max_load') throw new Error(JSON.stringify(binding));
      expect(binding.experts.map((e) => e.name)).toEqual(['甲', '乙']);
      expect(binding.applications.map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
      expect(binding).toMatchObject({ capacity: 2, needed: 3 });
    });

    it('an expert that cannot reach its least load', () => {
      const ex = [
        { id: 'e0', name: '甲', minLoad: 0, maxLoad: 5 },
        { id: 'e1', name: '乙', minLoad: 2, maxLoad: 5 },
      ];
      const bindings = only(
        solveAssignment({
          panelSize: 1,
          applications: apps(2),
          experts: ex,
          excluded: new Set([pairKey('a0', 'e1')]),
          locked: [],
        }),
      );
      expect(bindings).toEqual([{ constraint: 'min_load', expert: ex[1], reachable: 1 }]);
    });

    it('a locked load above the expert’s most', () => {
      const ex = [
        { id: 'e0', name: '甲', minLoad: 0, maxLoad: 1 },
        { id: 'e1', name: '乙', minLoad: 0, maxLoad: 5 },
      ];
      const bindings = only(
        solveAssignment({
          panelSize: 1,
          applications: apps(2),
          experts: ex,
          excluded: new Set(),
          locked: [
            { applicationId: 'a0', expertId: 'e0' },
            { applicationId: 'a1', expertId: 'e0' },
          ],
        }),
      );
      expect(bindings).toEqual([{ constraint: 'locked_over_max', expert: ex[0], locked: 2 }]);
    });
  });
});
