import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { testConfig } from './test.config';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** A service running in a process of its own (from its TypeScript source), started and killed by a test. */
export class ChildService {
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
  }

  /** Spawns `entry` and waits for the log line that says `<service> started`. */
  static async start(entry: string, env: Record<string, string>, args: string[] = []): Promise<ChildService> {
    const child = spawn(
      process.execPath,
      [...testConfig.LAUREL_CHILD_NODE_FLAGS, '-r', path.join(REPO_ROOT, 'infra/swc-register.js'), entry, ...args],
      {
        env: { ...process.env, ...env, LAUREL_LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const service = new ChildService(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child did not start in time:\n${service.output}`)), 30000);
      const check = () => {
        if (/"msg":"[a-z-]+ started"/.test(service.output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`child exited with ${code}:\n${service.output}`));
      });
    });
    return service;
  }

  /** The process id (e.g. to read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get logs(): string {
    return this.output;
  }

  /** Stops it with SIGTERM (graceful) or SIGKILL (a crash), and waits for the process to end. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill(signal);
    return exited;
  }
}
