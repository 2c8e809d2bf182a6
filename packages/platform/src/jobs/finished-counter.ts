/** Where finished jobs are counted: Redis for every instance of a service (ioredis fits). */
export interface FinishedCounter {
  incr(key: string): Promise<unknown>;
  get(key: string): Promise<string | null>;
}

/** A count in this process only. */
export function localCounter(): FinishedCounter {
  const counts = new Map<string, number>();
  return {
    incr: async (key) => counts.set(key, (counts.get(key) ?? 0) + 1),
    get: async (key) => String(counts.get(key) ?? 0),
  };
}
