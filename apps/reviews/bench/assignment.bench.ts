// The assignment part of `npm run bench:reviews`: 1,000 applications to 200 experts with 5% of the pairs in conflict,
// panel size 5, each expert between 20 and 30 applications; timed next to a floor measured in the same run (the same
// 200,000 pairs sorted once). Target: < 5 s.
import { performance } from 'node:perf_hooks';
import { type AssignmentProblem, pairKey, solveAssignment } from '../src/assignment/solver/solve-assignment';

const TARGET_MS = 5000;

/** mulberry32: the same conflicts on every run. */
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

const hex = (prefix: string, i: number) => `${prefix}${i.toString(16).padStart(8, '0')}`;

export function assignmentProblem(): { problem: AssignmentProblem; pairs: string[] } {
  const next = random(14);
  const applications = Array.from({ length: 1000 }, (_, i) => ({ id: hex('a', i), name: `申报${i}` }));
  const experts = Array.from({ length: 200 }, (_, j) => ({
    id: hex('e', j),
    name: `专家${j}`,
    minLoad: 20,
    maxLoad: 30,
  }));
  const excluded = new Set<string>();
  const pairs: string[] = [];
  for (const a of applications) {
    for (const e of experts) {
      const key = pairKey(a.id, e.id);
      pairs.push(key);
      if (next() < 0.05) excluded.add(key);
    }
  }
  return { problem: { panelSize: 5, applications, experts, excluded, locked: [] }, pairs };
}

export function runAssignmentBench(): boolean {
  const { problem, pairs } = assignmentProblem();
  // The floor sorts the same pairs once, from an order the PRNG shuffled (Fisher–Yates).
  const shuffle = random(7);
  const shuffled = [...pairs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  const floorStart = performance.now();
  shuffled.sort();
  const floorMs = performance.now() - floorStart;

  const start = performance.now();
  const cpuFrom = process.cpuUsage();
  const outcome = solveAssignment(problem);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuFrom);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (!outcome.ok) throw new Error(`no assignment: ${JSON.stringify(outcome.bindings)}`);
  const loads = [...outcome.loads.values()];
  const pass = ms < TARGET_MS;
  console.log(
    `assignment: ${problem.applications.length} applications × panel ${problem.panelSize} to ${problem.experts.length} ` +
      `experts, ${problem.excluded.size} pairs in conflict (${((problem.excluded.size / pairs.length) * 100).toFixed(1)}%)\n` +
      `  solve ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms: a busy machine stretches the first)   floor (the ${pairs.length} pairs sorted once) ${floorMs.toFixed(0)} ms   ` +
      `ratio ${(ms / floorMs).toFixed(1)}×   loads ${Math.min(...loads)}–${Math.max(...loads)}   ` +
      `target < ${TARGET_MS} ms: ${pass ? 'PASS' : 'FAIL'}`,
  );
  return pass;
}
