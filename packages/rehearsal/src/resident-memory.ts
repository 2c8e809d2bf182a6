import { readFile } from 'node:fs/promises';
import { REHEARSAL_SERVICES, type RehearsalApp, type RehearsalPlatform } from './rehearsal-platform';

/** Every app of a platform, services first. */
export const PLATFORM_APPS: RehearsalApp[] = [...REHEARSAL_SERVICES, 'gateway'];

/** A process's resident set size in MiB, from /proc (Linux). */
export async function residentMiB(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib ? Number(kib) / 1024 : null;
}

/** Each app's (first instance's) resident memory: at idle before a load, and the most it reached during it. */
export class ResidentMemory {
  readonly idle: Partial<Record<RehearsalApp, number>> = {};
  readonly peak: Partial<Record<RehearsalApp, number>> = {};
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly platform: RehearsalPlatform) {}

  /** Reads the idle figures, then samples every `everyMs` until `stop()`. */
  async start(everyMs = 5000): Promise<void> {
    for (const name of PLATFORM_APPS) this.idle[name] = (await this.read(name)) ?? undefined;
    this.timer = setInterval(() => void this.sample(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sample();
  }

  private async sample(): Promise<void> {
    for (const name of PLATFORM_APPS) {
      const rss = await this.read(name);
      if (rss !== null) this.peak[name] = Math.max(this.peak[name] ?? 0, rss);
    }
  }

  private read(name: RehearsalApp): Promise<number | null> {
    return residentMiB(this.platform.instances(name)[0]?.pid);
  }
}
