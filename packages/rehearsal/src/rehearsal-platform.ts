import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropRunDatabases, ensureTemplateDatabase, TestInfrastructure } from '@laurel/testing';
import { AppProcess } from './app-process';

/** The services of a platform, started before the gateway (they wait for its time), as `npm start` does. */
export const REHEARSAL_SERVICES = ['awards', 'objections', 'applications', 'reviews', 'funds'] as const;

/** Whether this process is a rehearsal of its own (the CLI) rather than part of a test run (jest sets the run id). */
const OWN_RUN = !process.env.LAUREL_TEST_RUN_ID;

export interface RehearsalPlatformOptions {
  /** Where the rehearsal clock starts (an ISO instant). */
  clockStart: string;
  /** Keep the databases, Redis keys and NATS streams after `close()` (default: drop them). */
  keep?: boolean;
}

/**
 * A rehearsal platform of its own, like a test run: a database cloned from a freshly migrated template, Redis and NATS
 * prefixes nobody else uses, every app in a process of its own from its build on the virtual clock
 * (`LAUREL_CLOCK=virtual`, ADR 0017), and an operator account. `close()` stops the apps and drops it all unless kept.
 */
export class RehearsalPlatform {
  static readonly OPERATOR = { username: 'operator', password: `rehearsal-${randomBytes(9).toString('base64url')}` };

  private constructor(
    readonly url: string,
    readonly runId: string,
    private readonly infra: TestInfrastructure,
    private readonly apps: AppProcess[],
    private readonly filesDir: string,
    private readonly lifetime: { keep: boolean; ownRun: boolean },
  ) {}

  static async start(options: RehearsalPlatformOptions): Promise<RehearsalPlatform> {
    // The run id names the template and the database (`laurel_t<run>…`). Alone (the CLI), a rehearsal is a run of its
    // own and drops its template at the end; inside a test run, it clones the run's template and leaves it.
    const ownRun = OWN_RUN;
    if (ownRun) process.env.LAUREL_TEST_RUN_ID ??= `r${randomBytes(3).toString('hex')}`;
    const runId = process.env.LAUREL_TEST_RUN_ID;
    await ensureTemplateDatabase();
    const infra = await TestInfrastructure.create();
    const filesDir = await mkdtemp(path.join(tmpdir(), 'laurel-rehearsal-'));
    const key = randomBytes(32).toString('base64');
    const env = infra.env({
      NODE_ENV: 'development',
      LAUREL_LOG_LEVEL: 'info',
      LAUREL_CLOCK: 'virtual',
      LAUREL_CLOCK_START: options.clockStart,
      LAUREL_JWT_SECRET: randomBytes(48).toString('base64url'),
      LAUREL_APPLICATIONS_DATA_KEY: key,
      LAUREL_OBJECTIONS_DATA_KEY: key,
      LAUREL_REVIEWS_DATA_KEY: key,
      LAUREL_OBJECTIONS_FILES_DIR: path.join(filesDir, 'objections'),
      LAUREL_APPLICATIONS_FILES_DIR: path.join(filesDir, 'applications'),
      LAUREL_OPERATOR_USERNAME: RehearsalPlatform.OPERATOR.username,
      LAUREL_OPERATOR_PASSWORD: RehearsalPlatform.OPERATOR.password,
      LAUREL_HTTP_HOST: '127.0.0.1',
      LAUREL_HTTP_PORT: '0',
      // Every generated account signs in within the first minute.
      LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    const apps: AppProcess[] = [];
    try {
      for (const name of REHEARSAL_SERVICES) {
        apps.push((await AppProcess.start(name, env, /"msg":"[a-z-]+ started"/)).app);
      }
      const gateway = await AppProcess.start('gateway', env, /gateway listening on (http:\/\/[^\s"]+)/);
      apps.push(gateway.app);
      return new RehearsalPlatform(gateway.match as string, runId as string, infra, apps, filesDir, {
        keep: options.keep ?? false,
        ownRun,
      });
    } catch (error) {
      for (const app of apps.reverse()) await app.stop();
      await infra.dispose();
      if (ownRun) await dropRunDatabases();
      throw error;
    }
  }

  /** Every app's output (for a failure's report). */
  logs(): string {
    return this.apps.map((app) => `--- ${app.name}\n${app.logs}`).join('\n');
  }

  /** The database the rehearsal keeps (with `keep`). */
  get database(): string {
    return this.infra.database;
  }

  async close(): Promise<void> {
    for (const app of [...this.apps].reverse()) await app.stop();
    if (this.lifetime.keep) return;
    await this.infra.dispose();
    if (this.lifetime.ownRun) await dropRunDatabases();
    await rm(this.filesDir, { recursive: true, force: true });
  }
}
