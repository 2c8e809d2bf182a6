import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ: 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads) of a process so far, in µs; null when it is gone or unreadable. */
export function processCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it start past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the file (utime, stime) are the 12th and 13th after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** Processes whose command name (`/proc/<pid>/comm`) is `name`. */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** A group of processes whose CPU is counted together (e.g. every PostgreSQL backend of the bench's database). */
export interface ProcessGroup {
  name: string;
  /** Counted in the CPU per command of the platform (the load generator is not). */
  counted: boolean;
  /** The group's processes now: asked at the start and at the end of the window. */
  pids: () => number[] | Promise<number[]>;
}

export interface GroupCpu {
  name: string;
  counted: boolean;
  /** CPU time in the window, µs. */
  micros: number;
  processes: number;
}

/**
 * CPU time of process groups over a window: `start()` and `stop()` read `/proc/<pid>/stat` of every process of each
 * group. A process that appears during the window counts from zero (its start-up is then included); one that ends
 * during it counts up to its last reading.
 */
export class CpuWindow {
  private from = new Map<string, Map<number, number>>();

  constructor(private readonly groups: ProcessGroup[]) {}

  async start(): Promise<void> {
    this.from = new Map();
    for (const group of this.groups) {
      const readings = new Map<number, number>();
      for (const pid of await group.pids()) {
        const micros = processCpuMicros(pid);
        if (micros !== null) readings.set(pid, micros);
      }
      this.from.set(group.name, readings);
    }
  }

  async stop(): Promise<GroupCpu[]> {
    const result: GroupCpu[] = [];
    for (const group of this.groups) {
      const from = this.from.get(group.name) ?? new Map<number, number>();
      const pids = new Set([...from.keys(), ...(await group.pids())]);
      let micros = 0;
      for (const pid of pids) {
        const until = processCpuMicros(pid);
        const started = from.get(pid);
        if (until !== null) micros += until - (started ?? 0);
      }
      result.push({ name: group.name, counted: group.counted, micros, processes: pids.size });
    }
    return result;
  }
}
