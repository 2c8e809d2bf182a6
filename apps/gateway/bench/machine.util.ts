import { readFileSync } from 'node:fs';

/** The machine's CPU time so far (Linux `/proc/stat`, in clock ticks): all of it, and the part not idle. */
export interface MachineCpu {
  busy: number;
  total: number;
}

export function machineCpu(): MachineCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user).
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = ticks;
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { busy: total - idle - iowait, total };
  } catch {
    return null;
  }
}

/** The share of the machine's CPUs busy between two readings (0–1), or NaN when unknown. */
export function busyShare(from: MachineCpu | null, until: MachineCpu | null): number {
  if (!from || !until || until.total <= from.total) return Number.NaN;
  return (until.busy - from.busy) / (until.total - from.total);
}

/**
 * The guest's halt-polling window, when the kernel has one (KVM guests): with 0, an idle CPU halts at once and every
 * wake-up of a process on it goes through the hypervisor, which makes each cross-process hop several times dearer
 * (docs/performance.md).
 */
export function haltPollNs(): string | null {
  try {
    return readFileSync('/sys/module/haltpoll/parameters/guest_halt_poll_ns', 'utf8').trim();
  } catch {
    return null;
  }
}
