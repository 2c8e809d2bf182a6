/**
 * Minimum-cost flow on a graph with integer capacities and non-negative costs (primal-dual: Dijkstra with node
 * potentials for the shortest distances, then a blocking flow (Dinic) on the arcs of zero reduced cost, repeated until
 * no path is left or the wanted flow is reached). Every intermediate flow is a cheapest flow of its value, so stopping
 * at `want` gives a cheapest flow of that value. Pure and deterministic: the same arcs in the same order give the same
 * flow.
 */
export class MinCostFlow {
  private readonly head: Int32Array;
  private to: Int32Array = new Int32Array(1024);
  private next: Int32Array = new Int32Array(1024);
  private cap: Float64Array = new Float64Array(1024);
  private cost: Float64Array = new Float64Array(1024);
  private arcs = 0;

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds an arc (and its residual twin); returns its index, for `flowOn`. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (cost < 0) throw new RangeError('costs must not be negative');
    const index = this.arcs;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  /** The flow on the arc `addArc` returned. */
  flowOn(arc: number): number {
    return this.cap[arc ^ 1] as number;
  }

  /** Pushes up to `want` units from `source` to `sink` at least cost; returns the flow and its cost. */
  run(source: number, sink: number, want = Number.POSITIVE_INFINITY): { flow: number; cost: number } {
    const n = this.nodes;
    const potential = new Float64Array(n);
    const distance = new Float64Array(n);
    let flow = 0;
    let total = 0;
    while (flow < want) {
      if (!this.dijkstra(source, potential, distance)) break;
      for (let v = 0; v < n; v++) {
        const d = distance[v] as number;
        if (d !== Number.POSITIVE_INFINITY) potential[v] = (potential[v] as number) + d;
      }
      const pushed = this.blockingFlow(source, sink, potential, want - flow);
      if (pushed === 0) break;
      flow += pushed;
      total += pushed * ((potential[sink] as number) - (potential[source] as number));
    }
    return { flow, cost: total };
  }

  /** The nodes reachable from `source` through arcs with capacity left (after `run`: the source side of a min cut). */
  reachable(source: number): Uint8Array {
    const seen = new Uint8Array(this.nodes);
    const stack = [source];
    seen[source] = 1;
    while (stack.length > 0) {
      const v = stack.pop() as number;
      for (let a = this.head[v] as number; a !== -1; a = this.next[a] as number) {
        const w = this.to[a] as number;
        if ((this.cap[a] as number) > 0 && !seen[w]) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
    return seen;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    if (this.arcs === this.to.length) this.grow();
    const a = this.arcs++;
    this.to[a] = to;
    this.cap[a] = capacity;
    this.cost[a] = cost;
    this.next[a] = this.head[from] as number;
    this.head[from] = a;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const to = new Int32Array(size);
    to.set(this.to);
    const next = new Int32Array(size);
    next.set(this.next);
    const cap = new Float64Array(size);
    cap.set(this.cap);
    const cost = new Float64Array(size);
    cost.set(this.cost);
    this.to = to;
    this.next = next;
    this.cap = cap;
    this.cost = cost;
  }

  /** Shortest distances by reduced cost from `source`; false when nothing is reachable but the source. */
  private dijkstra(source: number, potential: Float64Array, distance: Float64Array): boolean {
    distance.fill(Number.POSITIVE_INFINITY);
    distance[source] = 0;
    const heap = new BinaryHeap(this.nodes);
    heap.push(source, 0);
    let reached = false;
    while (heap.size > 0) {
      const [v, d] = heap.pop();
      if (d > (distance[v] as number)) continue;
      for (let a = this.head[v] as number; a !== -1; a = this.next[a] as number) {
        if ((this.cap[a] as number) <= 0) continue;
        const w = this.to[a] as number;
        const reduced = (this.cost[a] as number) + (potential[v] as number) - (potential[w] as number);
        const candidate = d + reduced;
        if (candidate < (distance[w] as number)) {
          distance[w] = candidate;
          heap.push(w, candidate);
          reached = true;
        }
      }
    }
    return reached;
  }

  /** Dinic's blocking flows on the arcs of zero reduced cost (the shortest paths), up to `limit` units. */
  private blockingFlow(source: number, sink: number, potential: Float64Array, limit: number): number {
    const n = this.nodes;
    const level = new Int32Array(n);
    const iterator = new Int32Array(n);
    // Which arcs lie on shortest paths (zero reduced cost): fixed for the phase, whatever their capacity does.
    const tight = new Uint8Array(this.arcs);
    for (let v = 0; v < n; v++) {
      for (let a = this.head[v] as number; a !== -1; a = this.next[a] as number) {
        const reduced =
          (this.cost[a] as number) + (potential[v] as number) - (potential[this.to[a] as number] as number);
        if (Math.abs(reduced) < 1e-9) tight[a] = 1;
      }
    }
    const admissible = (a: number): boolean => tight[a] === 1 && (this.cap[a] as number) > 0;
    let pushed = 0;
    while (pushed < limit) {
      level.fill(-1);
      level[source] = 0;
      const queue = new Int32Array(n);
      let qh = 0;
      let qt = 0;
      queue[qt++] = source;
      while (qh < qt) {
        const v = queue[qh++] as number;
        for (let a = this.head[v] as number; a !== -1; a = this.next[a] as number) {
          const w = this.to[a] as number;
          if (level[w] === -1 && admissible(a)) {
            level[w] = (level[v] as number) + 1;
            queue[qt++] = w;
          }
        }
      }
      if (level[sink] === -1) break;
      iterator.set(this.head);
      for (;;) {
        const f = this.augment(source, sink, limit - pushed, level, iterator, admissible);
        if (f === 0) break;
        pushed += f;
        if (pushed >= limit) break;
      }
    }
    return pushed;
  }

  /** One augmenting path along increasing levels (iterative DFS); returns the units pushed. */
  private augment(
    source: number,
    sink: number,
    limit: number,
    level: Int32Array,
    iterator: Int32Array,
    admissible: (a: number) => boolean,
  ): number {
    const path: number[] = [];
    let v = source;
    for (;;) {
      if (v === sink) {
        let f = limit;
        for (const a of path) f = Math.min(f, this.cap[a] as number);
        for (const a of path) {
          this.cap[a] = (this.cap[a] as number) - f;
          this.cap[a ^ 1] = (this.cap[a ^ 1] as number) + f;
        }
        return f;
      }
      let a = iterator[v] as number;
      while (a !== -1) {
        const w = this.to[a] as number;
        if (level[w] === (level[v] as number) + 1 && admissible(a)) break;
        a = this.next[a] as number;
      }
      iterator[v] = a;
      if (a !== -1) {
        path.push(a);
        v = this.to[a] as number;
        continue;
      }
      // Dead end: never come back to v in this phase; step back.
      level[v] = -1;
      if (path.length === 0) return 0;
      const back = path.pop() as number;
      v = this.to[back ^ 1] as number;
      iterator[v] = this.next[iterator[v] as number] as number;
    }
  }
}

/** A binary min-heap of (node, key) pairs, ties by insertion. */
class BinaryHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.keys[parent] as number) <= key) break;
      this.nodes[i] = this.nodes[parent] as number;
      this.keys[i] = this.keys[parent] as number;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.nodes[0] as number, this.keys[0] as number];
    const last = --this.size;
    const node = this.nodes[last] as number;
    const key = this.keys[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (this.keys[child + 1] as number) < (this.keys[child] as number)) child++;
      if ((this.keys[child] as number) >= key) break;
      this.nodes[i] = this.nodes[child] as number;
      this.keys[i] = this.keys[child] as number;
      i = child;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
    return top;
  }
}
