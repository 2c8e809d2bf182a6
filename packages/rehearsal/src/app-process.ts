import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** One app of a rehearsal platform in a process of its own, from its build (`apps/<name>/dist/main.js`). */
export class AppProcess {
  private output = '';

  private constructor(
    /** The app (`gateway`, `applications` …). */
    readonly service: string,
    /** Which instance of it, from 1. */
    readonly instance: number,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      // The last 200 kB are enough to say why an app failed.
      this.output = (this.output + chunk.toString()).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Spawns the app and waits for its ready line; answers the first capture group of `ready`, if any. */
  static async start(
    name: string,
    env: Record<string, string>,
    ready: RegExp,
    timeoutMs = 120_000,
    instance = 1,
  ): Promise<{ app: AppProcess; match: string | undefined }> {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps', name, 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(name, instance, child);
    const match = await new Promise<string | undefined>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start in time:\n${app.output}`)), timeoutMs);
      const check = () => {
        const found = ready.exec(app.output);
        if (!found) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(found[1]);
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code}:\n${app.output}`));
      });
    });
    return { app, match };
  }

  /** `<app>#<instance>` (the instance only when it is not the first). */
  get name(): string {
    return this.instance === 1 ? this.service : `${this.service}#${this.instance}`;
  }

  /** The process id, while it runs. */
  get pid(): number | undefined {
    return this.running ? this.child.pid : undefined;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get logs(): string {
    return this.output;
  }

  /** SIGTERM (then SIGKILL after 10 s), or SIGKILL at once; resolves when the process has ended. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}
