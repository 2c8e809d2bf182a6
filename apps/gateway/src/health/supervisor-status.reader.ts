import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/** What `npm start`'s supervisor (infra/scripts/supervisor.mjs) says of one app. */
export const supervisedAppSchema = z.object({
  service: z.string(),
  state: z.enum(['starting', 'running', 'restarting', 'crash_loop', 'failed', 'stopping', 'stopped']),
  restarts: z.number().int().nonnegative(),
  crashLoop: z.boolean(),
  lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), at: z.string() }).nullable(),
  nextStartAt: z.string().nullable(),
});
export type SupervisedApp = z.infer<typeof supervisedAppSchema>;

const statusFileSchema = z.object({
  supervisorPid: z.number().int().positive(),
  apps: z.record(z.string(), supervisedAppSchema.omit({ service: true })),
});

/**
 * Reads the supervisor's status file (`LAUREL_SUPERVISOR_STATUS_FILE`, set by `npm start`), so the health page shows
 * restarts and a crash loop. Without the setting, or when the file is missing, unreadable or left by a supervisor
 * that is no longer running, there is nothing to show.
 */
@Injectable()
export class SupervisorStatusReader {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async read(): Promise<SupervisedApp[] | null> {
    const file = this.config.LAUREL_SUPERVISOR_STATUS_FILE;
    if (!file) return null;
    try {
      const parsed = statusFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success || !isRunning(parsed.data.supervisorPid)) return null;
      return Object.entries(parsed.data.apps).map(([service, app]) => ({
        service,
        state: app.state,
        restarts: app.restarts,
        crashLoop: app.crashLoop,
        lastExit: app.lastExit && { code: app.lastExit.code, signal: app.lastExit.signal, at: app.lastExit.at },
        nextStartAt: app.nextStartAt,
      }));
    } catch {
      return null;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
