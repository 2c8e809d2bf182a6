import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where Debian's nats-server package puts the server. */
export const DEFAULT_NATS_SERVER = '/usr/sbin/nats-server';

/** A free TCP port on 127.0.0.1, as the kernel hands one out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A NATS server with JetStream that a run starts for itself, on a port and in a storage directory of its own — never
 * the machine's shared server — so the run can kill and restart it. `stop()` ends it and removes its storage.
 */
export class OwnNatsServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly storeDir: string,
    private readonly bin: string,
  ) {}

  /** `bin`: the nats-server executable (default Debian's). */
  static async start(bin = DEFAULT_NATS_SERVER): Promise<OwnNatsServer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'laurel-chaos-nats-'));
    const server = new OwnNatsServer(await freePort(), dir, bin);
    await server.launch();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** The server process's id (this run's own child; what `kill` ends). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * A crash of the server: SIGKILL to this run's own child process (JetStream flushes nothing), then the server started
   * again on the same port and storage, where it recovers its streams from what reached the disk.
   */
  async killAndRestart(): Promise<void> {
    await this.end('SIGKILL');
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.end();
    await rm(this.storeDir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const child = spawn(this.bin, ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.storeDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${output}`)), 30_000);
      const check = (chunk: Buffer) => {
        output += chunk.toString();
        if (!/Server is ready/.test(output)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`nats-server ${this.bin} did not start: ${error.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited with ${code}:\n${output}`));
      });
    });
  }

  private async end(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  }
}
