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

/** The apps of a platform, services first. */
export type RehearsalApp = (typeof REHEARSAL_SERVICES)[number] | 'gateway';

/** How many instances of each app `LAUREL_INSTANCES` asks for (default 1). */
export function instancesFromEnv(value = process.env.LAUREL_INSTANCES): number {
  if (value === undefined || value === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 8) {
    throw new Error(`LAUREL_INSTANCES must be a whole number from 1 to 8, not ${JSON.stringify(value)}`);
  }
  return count;
}

export interface RehearsalPlatformOptions {
  /** Where the rehearsal clock starts (an ISO instant). */
  clockStart: string;
  /**
   * How many instances of every app run side by side on the same NATS, PostgreSQL and Redis (default
   * `LAUREL_INSTANCES`, else 1). Each gateway listens on a port of its own (`urls`).
   */
  instances?: number;
  /** Settings of every app beyond the rehearsal's own (e.g. a lifted rate limit for a load from one address). */
  env?: Record<string, string>;
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
    /** Each gateway instance's base URL, in instance order. */
    readonly urls: string[],
    readonly runId: string,
    private readonly infra: TestInfrastructure,
    private readonly apps: AppProcess[],
    private readonly filesDir: string,
    private readonly lifetime: { keep: boolean; ownRun: boolean },
    private readonly env: Record<string, string>,
  ) {}

  /** The first gateway's base URL. */
  get url(): string {
    return this.urls[0] as string;
  }

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
      ...options.env,
    });
    const instances = options.instances ?? instancesFromEnv();
    const apps: AppProcess[] = [];
    try {
      // The first instance of each service in order, as `npm start` does; the others side by side.
      for (const name of REHEARSAL_SERVICES) apps.push((await startInstance(name, 1, env)).app);
      const others = REHEARSAL_SERVICES.flatMap((name) =>
        Array.from({ length: instances - 1 }, (_, i) => startInstance(name, i + 2, env)),
      );
      const settled = await Promise.allSettled(others);
      for (const started of settled) if (started.status === 'fulfilled') apps.push(started.value.app);
      const failed = settled.find((started) => started.status === 'rejected');
      if (failed) throw failed.reason;
      // Gateways one after the other: the first creates the operator and the stored clock.
      const urls: string[] = [];
      for (let instance = 1; instance <= instances; instance += 1) {
        const gateway = await startInstance('gateway', instance, env);
        apps.push(gateway.app);
        urls.push(gateway.match as string);
      }
      return new RehearsalPlatform(
        urls,
        runId as string,
        infra,
        apps,
        filesDir,
        { keep: options.keep ?? false, ownRun },
        env,
      );
    } catch (error) {
      for (const app of apps.reverse()) await app.stop();
      await infra.dispose();
      if (ownRun) await dropRunDatabases();
      throw error;
    }
  }

  /** The running processes of an app, in instance order (`kill` and `restart` take the instance number, from 1). */
  instances(name: RehearsalApp): AppProcess[] {
    return this.apps.filter((app) => app.service === name).sort((a, b) => a.instance - b.instance);
  }

  /** SIGKILLs an instance of an app (a crash: nothing is finished or closed); resolves once it has ended. */
  async kill(name: RehearsalApp, instance: number): Promise<void> {
    await this.instanceOf(name, instance).stop('SIGKILL');
  }

  /** Starts a stopped or killed instance again, as the supervisor would; resolves once it is ready. */
  async restart(name: RehearsalApp, instance: number): Promise<void> {
    const old = this.instanceOf(name, instance);
    await old.stop();
    const started = await startInstance(name, instance, this.env);
    this.apps.splice(this.apps.indexOf(old), 1, started.app);
    if (name === 'gateway') this.urls[instance - 1] = started.match as string;
  }

  private instanceOf(name: RehearsalApp, instance: number): AppProcess {
    const app = this.apps.find((a) => a.service === name && a.instance === instance);
    if (!app) throw new Error(`no instance ${instance} of ${name}`);
    return app;
  }

  /** Every app's output (for a failure's report). */
  logs(): string {
    return this.apps.map((app) => `--- ${app.name}\n${app.logs}`).join('\n');
  }

  /** The prefix of its Redis keys, NATS subjects and JetStream streams. */
  get prefix(): string {
    return this.infra.prefix;
  }

  /** Deletes the run's Redis keys (its prefix only, never other runs'): what losing Redis looks like. */
  flushRedis(): Promise<number> {
    return this.infra.flushRedis();
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

const READY: Record<RehearsalApp, RegExp> = {
  awards: /"msg":"[a-z-]+ started"/,
  objections: /"msg":"[a-z-]+ started"/,
  applications: /"msg":"[a-z-]+ started"/,
  reviews: /"msg":"[a-z-]+ started"/,
  funds: /"msg":"[a-z-]+ started"/,
  gateway: /gateway listening on (http:\/\/[^\s"]+)/,
};

/** One instance of an app: its instance id (`<app>-<n>`) in its logs; a gateway on a free port of its own. */
function startInstance(name: RehearsalApp, instance: number, env: Record<string, string>) {
  return AppProcess.start(name, { ...env, LAUREL_INSTANCE_ID: `${name}-${instance}` }, READY[name], 180_000, instance);
}
