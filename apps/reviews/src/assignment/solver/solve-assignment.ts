import { MinCostFlow } from './min-cost-flow';

export interface ProblemApplication {
  readonly id: string;
  readonly name: string;
}

export interface ProblemExpert {
  readonly id: string;
  readonly name: string;
  readonly minLoad: number;
  readonly maxLoad: number;
}

export interface Pair {
  readonly applicationId: string;
  readonly expertId: string;
}

/**
 * A stage's assignment problem: every application gets `panelSize` experts; never a pair in `excluded` (a recused or
 * undecided conflict); each expert between its least and most load; `locked` pairs are kept as they are.
 */
export interface AssignmentProblem {
  readonly panelSize: number;
  readonly applications: readonly ProblemApplication[];
  readonly experts: readonly ProblemExpert[];
  readonly excluded: ReadonlySet<string>;
  readonly locked: readonly Pair[];
}

/** The constraint that makes an assignment impossible, with what it needs and what there is. */
export type Binding =
  | {
      readonly constraint: 'panel_size';
      readonly application: ProblemApplication;
      readonly eligible: number;
      readonly needed: number;
    }
  | {
      readonly constraint: 'max_load';
      readonly applications: readonly ProblemApplication[];
      readonly experts: readonly ProblemExpert[];
      readonly capacity: number;
      readonly needed: number;
    }
  | { readonly constraint: 'total_max_load'; readonly capacity: number; readonly needed: number }
  | { readonly constraint: 'total_min_load'; readonly least: number; readonly needed: number }
  | { readonly constraint: 'min_load'; readonly expert: ProblemExpert; readonly reachable: number }
  | { readonly constraint: 'locked_over_max'; readonly expert: ProblemExpert; readonly locked: number };

export type AssignmentOutcome =
  | { readonly ok: true; readonly pairs: readonly Pair[]; readonly loads: ReadonlyMap<string, number> }
  | { readonly ok: false; readonly bindings: readonly Binding[] };

/** The key of a pair in `excluded`. */
export const pairKey = (applicationId: string, expertId: string): string => `${applicationId}|${expertId}`;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Solves the assignment exactly as a minimum-cost flow: source → application (capacity: the experts it still needs)
 * → expert (capacity 1, pairs without a conflict) → sink through one unit arc per load level, the j-th costing j, plus
 * a penalty above the expert's least load. The cheapest flow of full value meets every least load when any assignment
 * does (the penalty outweighs every balance term) and, among those, minimises Σ load² (loads as even as they can be).
 * When no assignment exists, says which constraint binds: an application with too few experts without a conflict,
 * the panel's total capacity, a set of applications whose only possible experts are full (a minimum cut), or an
 * expert that cannot reach its least load. Deterministic: inputs are taken in id order.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentOutcome {
  const k = problem.panelSize;
  const applications = [...problem.applications].sort(byId);
  const experts = [...problem.experts].sort(byId);
  const lockedOf = new Map<string, Set<string>>();
  const lockedLoad = new Map<string, number>();
  const known = new Set(experts.map((e) => e.id));
  for (const pair of problem.locked) {
    if (!known.has(pair.expertId)) continue;
    const set = lockedOf.get(pair.applicationId) ?? new Set<string>();
    if (set.has(pair.expertId)) continue;
    set.add(pair.expertId);
    lockedOf.set(pair.applicationId, set);
    lockedLoad.set(pair.expertId, (lockedLoad.get(pair.expertId) ?? 0) + 1);
  }
  const applicationIds = new Set(applications.map((a) => a.id));
  for (const [applicationId, set] of lockedOf) {
    if (!applicationIds.has(applicationId)) {
      for (const expertId of set) lockedLoad.set(expertId, (lockedLoad.get(expertId) ?? 1) - 1);
    }
  }

  const eligible: number[][] = applications.map((a) => {
    const locked = lockedOf.get(a.id);
    const list: number[] = [];
    experts.forEach((e, j) => {
      if (!problem.excluded.has(pairKey(a.id, e.id)) && !locked?.has(e.id)) list.push(j);
    });
    return list;
  });
  const eligibleCount = new Array<number>(experts.length).fill(0);
  for (const list of eligible) for (const j of list) eligibleCount[j] = (eligibleCount[j] as number) + 1;

  const bindings: Binding[] = [];
  const need = applications.map((a, i) => {
    const held = lockedOf.get(a.id)?.size ?? 0;
    const wanted = Math.max(0, k - held);
    if ((eligible[i] as number[]).length < wanted) {
      bindings.push({
        constraint: 'panel_size',
        application: a,
        eligible: held + (eligible[i] as number[]).length,
        needed: k,
      });
    }
    return wanted;
  });
  experts.forEach((e, j) => {
    const held = lockedLoad.get(e.id) ?? 0;
    if (held > e.maxLoad) bindings.push({ constraint: 'locked_over_max', expert: e, locked: held });
    else if (e.minLoad > held + (eligibleCount[j] as number)) {
      bindings.push({ constraint: 'min_load', expert: e, reachable: held + (eligibleCount[j] as number) });
    }
  });
  const needed = applications.length * k;
  const capacity = experts.reduce((sum, e) => sum + e.maxLoad, 0);
  const least = experts.reduce((sum, e) => sum + e.minLoad, 0);
  if (capacity < needed) bindings.push({ constraint: 'total_max_load', capacity, needed });
  if (least > needed) bindings.push({ constraint: 'total_min_load', least, needed });
  if (bindings.length > 0) return { ok: false, bindings };

  const n = applications.length;
  const m = experts.length;
  const source = 0;
  const sink = n + m + 1;
  const graph = new MinCostFlow(n + m + 2);
  const want = need.reduce((sum, x) => sum + x, 0);
  const maxLoad = experts.reduce((most, e) => Math.max(most, e.maxLoad), 0);
  const penalty = want * maxLoad + 1;
  applications.forEach((_, i) => {
    if ((need[i] as number) > 0) graph.addArc(source, 1 + i, need[i] as number, 0);
  });
  const pairArcs: { arc: number; i: number; j: number }[] = [];
  eligible.forEach((list, i) => {
    if ((need[i] as number) === 0) return;
    for (const j of list) pairArcs.push({ arc: graph.addArc(1 + i, 1 + n + j, 1, 0), i, j });
  });
  experts.forEach((e, j) => {
    const held = lockedLoad.get(e.id) ?? 0;
    const top = Math.min(e.maxLoad, held + (eligibleCount[j] as number));
    for (let level = held + 1; level <= top; level++) {
      graph.addArc(1 + n + j, sink, 1, level + (level > e.minLoad ? penalty : 0));
    }
  });
  const { flow } = graph.run(source, sink, want);

  if (flow < want) {
    const side = graph.reachable(source);
    const stuck = applications.filter((_, i) => side[1 + i]);
    const full = experts.filter((_, j) => side[1 + n + j]);
    return {
      ok: false,
      bindings: [
        {
          constraint: 'max_load',
          applications: stuck,
          experts: full,
          capacity: full.reduce((sum, e) => sum + e.maxLoad, 0),
          needed: stuck.length * k,
        },
      ],
    };
  }

  const pairs: Pair[] = [];
  for (const [applicationId, set] of lockedOf) {
    if (applicationIds.has(applicationId)) for (const expertId of set) pairs.push({ applicationId, expertId });
  }
  for (const { arc, i, j } of pairArcs) {
    if (graph.flowOn(arc) > 0) {
      pairs.push({
        applicationId: (applications[i] as ProblemApplication).id,
        expertId: (experts[j] as ProblemExpert).id,
      });
    }
  }
  pairs.sort((a, b) =>
    a.applicationId === b.applicationId
      ? a.expertId < b.expertId
        ? -1
        : 1
      : a.applicationId < b.applicationId
        ? -1
        : 1,
  );
  const loads = new Map<string, number>(experts.map((e) => [e.id, 0]));
  for (const pair of pairs) loads.set(pair.expertId, (loads.get(pair.expertId) ?? 0) + 1);
  const short = experts.filter((e) => (loads.get(e.id) as number) < e.minLoad);
  if (short.length > 0) {
    return {
      ok: false,
      bindings: short.map((e) => ({
        constraint: 'min_load' as const,
        expert: e,
        reachable: loads.get(e.id) as number,
      })),
    };
  }
  return { ok: true, pairs, loads };
}
