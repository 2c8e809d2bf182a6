// The process supervisor of `npm start`: runs each app as a child process, restarts one that exits unexpectedly
// (with back-off), reports a crash loop loudly, and stops everything cleanly on request.
//
// Node built-ins only, and no `import.meta`: it runs before dependencies are installed, and the tests import it.
//
// The pure core (`backoffDelay`, `afterExit`) decides what follows an exit; `Supervisor` does the spawning, the
// timers and the logging around it.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { renameSync, writeFileSync } from 'node:fs';

/**
 * Restart after 0.5 s, doubling to 30 s; an app that has run for a minute is healthy again (back to 0.5 s). Five exits
 * within two minutes are a crash loop: reported, and retried at the longest delay until a run lasts a minute. A stop
 * sends SIGTERM and, after 10 s, SIGKILL to what is still running.
 */
export const DEFAULT_POLICY = Object.freeze({
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  crashLoopExits: 5,
  crashLoopWindowMs: 120_000,
  stopTimeoutMs: 10_000,
});

/** The delay before restart number `failures` (1 = the first exit since the last healthy run). */
export function backoffDelay(failures, policy = DEFAULT_POLICY) {
  const doubling = policy.initialDelayMs * 2 ** Math.max(0, failures - 1);
  return Math.min(policy.maxDelayMs, doubling);
}

/** An app's restart record before its first exit. */
export const freshRecord = (startedAt) => ({ startedAt, failures: 0, exits: [], crashLoop: false });

/**
 * What follows an unexpected exit at `now` of an app whose record is `record` (pure): the new record, how long to
 * wait before restarting it, and whether this exit made it a crash loop.
 */
export function afterExit(record, now, policy = DEFAULT_POLICY) {
  const ranHealthy = now - record.startedAt >= policy.healthyAfterMs;
  const failures = (ranHealthy ? 0 : record.failures) + 1;
  // A healthy run forgets the exits before it: one crash after a good minute is not a loop.
  const earlier = ranHealthy ? [] : record.exits.filter((at) => now - at < policy.crashLoopWindowMs);
  const exits = [...earlier, now];
  const crashLoop = (record.crashLoop && !ranHealthy) || exits.length >= policy.crashLoopExits;
  return {
    record: { startedAt: record.startedAt, failures, exits, crashLoop },
    delayMs: crashLoop ? policy.maxDelayMs : backoffDelay(failures, policy),
    enteredCrashLoop: crashLoop && !(record.crashLoop && !ranHealthy),
  };
}

/**
 * How many instances of every app run side by side (`LAUREL_INSTANCES`, 1–8, default 1): on the same NATS (commands
 * shared by queue group), PostgreSQL and Redis. ADR "several instances of each service".
 */
export function instanceCount(value) {
  if (value === undefined || value === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 8) {
    throw new Error(`LAUREL_INSTANCES must be a whole number from 1 to 8, not ${JSON.stringify(value)}`);
  }
  return count;
}

/** Instance `n` of an app is supervised as `<app>` (the first) or `<app>#<n>`. */
export const instanceName = (app, instance) => (instance === 1 ? app : `${app}#${instance}`);

const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
const howItEnded = (code, signal) => (signal ? `signal ${signal}` : `exit code ${code}`);

const defaultLogger = {
  info: (message) => process.stdout.write(`[laurel] ${message}\n`),
  alarm: (lines) => {
    const rule = '!'.repeat(78);
    process.stderr.write(`\n${[rule, ...lines.map((line) => `!! ${line}`), rule].join('\n')}\n\n`);
  },
};

/**
 * Runs apps as child processes and keeps them running.
 *
 * Events: `spawn` (name, pid), `ready` (name, pid), `exit` ({name, code, signal, ranMs}), `restart-scheduled`
 * ({name, delayMs, restarts, crashLoop}), `crash-loop` ({name, exits}), `recovered` (name), `stopped`.
 */
export class Supervisor extends EventEmitter {
  /**
   * @param {object} [options]
   * @param {Partial<typeof DEFAULT_POLICY>} [options.policy]
   * @param {{info: (message: string) => void, alarm: (lines: string[]) => void}} [options.logger]
   * @param {string} [options.statusFile] where the state of every app is written (JSON) on each change, for the
   *   gateway's health page (`LAUREL_SUPERVISOR_STATUS_FILE`)
   * @param {() => number} [options.now]
   */
  constructor(options = {}) {
    super();
    this.policy = { ...DEFAULT_POLICY, ...options.policy };
    this.logger = options.logger ?? defaultLogger;
    this.statusFile = options.statusFile ?? null;
    this.now = options.now ?? Date.now;
    /** @type {Map<string, any>} */
    this.apps = new Map();
    this.stopping = null;
  }

  /**
   * Starts an app and supervises it from then on. Resolves when its first instance prints a line matching `ready`
   * (at once without one); rejects if that instance exits first or `readyTimeoutMs` passes — an app that cannot start
   * at all is a configuration problem to show, not a crash to retry.
   *
   * @param {{name: string, command: string, args?: string[], cwd?: string, env?: NodeJS.ProcessEnv, ready?: RegExp,
   *   readyTimeoutMs?: number, onLine?: (line: string, stream: 'stdout' | 'stderr') => void}} spec
   */
  add(spec) {
    if (this.apps.has(spec.name)) throw new Error(`${spec.name} is supervised already`);
    const app = {
      spec,
      child: null,
      state: 'starting',
      record: freshRecord(this.now()),
      restarts: 0,
      everReady: false,
      lastExit: null,
      nextStartAt: null,
      timer: null,
      healthyTimer: null,
    };
    this.apps.set(spec.name, app);
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        cleanup();
        reject(new Error(`${spec.name} did not start within ${seconds(spec.readyTimeoutMs ?? 120_000)}`));
      }, spec.readyTimeoutMs ?? 120_000);
      const onReady = (name) => {
        if (name !== spec.name) return;
        cleanup();
        resolve();
      };
      const onFailed = (name, error) => {
        if (name !== spec.name) return;
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timeout);
        this.off('ready', onReady);
        this.off('start-failed', onFailed);
      };
      this.on('ready', onReady);
      this.on('start-failed', onFailed);
      this.launch(app);
    });
  }

  /** The pid of an app's running instance, or null. */
  pid(name) {
    const child = this.apps.get(name)?.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : null;
  }

  /** Every app's state, as written to the status file. */
  status() {
    const apps = {};
    for (const [name, app] of this.apps) {
      apps[name] = {
        state: app.state,
        pid: this.pid(name),
        restarts: app.restarts,
        crashLoop: app.record.crashLoop,
        lastExit: app.lastExit,
        nextStartAt: app.nextStartAt ? new Date(app.nextStartAt).toISOString() : null,
      };
    }
    return { updatedAt: new Date(this.now()).toISOString(), supervisorPid: process.pid, apps };
  }

  /**
   * Stops every app: SIGTERM now, SIGKILL to whatever still runs after `stopTimeoutMs`. Nothing is restarted once a
   * stop began. Resolves when every child has exited.
   */
  stop() {
    if (this.stopping) return this.stopping;
    const running = [];
    for (const app of this.apps.values()) {
      clearTimeout(app.timer);
      clearTimeout(app.healthyTimer);
      app.state = 'stopping';
      if (app.child && app.child.exitCode === null && app.child.signalCode === null) {
        running.push(app.child);
        app.child.kill('SIGTERM');
      } else {
        app.state = 'stopped';
      }
    }
    this.writeStatus();
    this.stopping = new Promise((resolve) => {
      const killer = setTimeout(() => {
        for (const child of running) {
          if (child.exitCode !== null || child.signalCode !== null) continue;
          this.logger.info(`pid ${child.pid} did not stop within ${seconds(this.policy.stopTimeoutMs)}: SIGKILL`);
          child.kill('SIGKILL');
        }
      }, this.policy.stopTimeoutMs);
      Promise.all(
        running.map((child) =>
          child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once('exit', r)),
        ),
      ).then(() => {
        clearTimeout(killer);
        for (const app of this.apps.values()) app.state = 'stopped';
        this.writeStatus();
        this.emit('stopped');
        resolve();
      });
    });
    return this.stopping;
  }

  launch(app) {
    const { spec } = app;
    app.nextStartAt = null;
    app.record = { ...app.record, startedAt: this.now() };
    const child = spawn(spec.command, spec.args ?? [], {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.child = child;
    app.state = spec.ready ? 'starting' : 'running';
    let announcedReady = false;
    const ready = () => {
      if (announcedReady) return;
      announcedReady = true;
      app.state = 'running';
      const back = app.everReady;
      app.everReady = true;
      if (back) this.logger.info(`${spec.name} is back (pid ${child.pid}, restart ${app.restarts})`);
      this.writeStatus();
      this.emit('ready', spec.name, child.pid);
    };
    for (const [stream, name] of [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
    ]) {
      let buffer = '';
      stream.on('data', (chunk) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (spec.ready?.test(line)) ready();
          if (spec.onLine) spec.onLine(line, name);
          else if (line.trim()) process.stdout.write(`${spec.name.padEnd(12)}| ${line}\n`);
        }
      });
    }
    child.once('error', (error) => this.logger.info(`${spec.name} could not be started: ${error.message}`));
    child.once('exit', (code, signal) => this.exited(app, child, code, signal));
    if (!spec.ready) queueMicrotask(ready);
    // A run that lasts `healthyAfterMs` resets the back-off (and ends a crash loop) without waiting for an exit.
    clearTimeout(app.healthyTimer);
    app.healthyTimer = setTimeout(() => this.healthy(app, child), this.policy.healthyAfterMs);
    app.healthyTimer.unref?.();
    this.writeStatus();
    this.emit('spawn', spec.name, child.pid);
  }

  healthy(app, child) {
    if (app.child !== child || this.stopping) return;
    const wasLooping = app.record.crashLoop;
    app.record = freshRecord(app.record.startedAt);
    if (wasLooping) {
      this.logger.info(`${app.spec.name} has run for ${seconds(this.policy.healthyAfterMs)}: crash loop over`);
      this.writeStatus();
      this.emit('recovered', app.spec.name);
    }
  }

  exited(app, child, code, signal) {
    if (app.child !== child) return;
    const now = this.now();
    const ranMs = now - app.record.startedAt;
    clearTimeout(app.healthyTimer);
    app.lastExit = { code, signal, at: new Date(now).toISOString(), ranMs };
    this.emit('exit', { name: app.spec.name, code, signal, ranMs });
    if (this.stopping) return;
    if (!app.everReady) {
      // Its first instance never came up: not restarted (`add` rejects with this).
      app.state = 'failed';
      this.writeStatus();
      const why = `${app.spec.name} exited while starting (${howItEnded(code, signal)}); see its output above`;
      this.emit('start-failed', app.spec.name, new Error(why));
      return;
    }
    const next = afterExit(app.record, now, this.policy);
    app.record = next.record;
    app.restarts += 1;
    app.state = next.record.crashLoop ? 'crash_loop' : 'restarting';
    app.nextStartAt = now + next.delayMs;
    this.writeStatus();
    this.logger.info(
      `${app.spec.name} exited unexpectedly (${howItEnded(code, signal)}) after ${seconds(ranMs)}; ` +
        `restarting in ${seconds(next.delayMs)} (restart ${app.restarts}); the other services keep running`,
    );
    if (next.enteredCrashLoop) {
      this.logger.alarm([
        `CRASH LOOP: ${app.spec.name} exited ${next.record.exits.length} times within ` +
          `${seconds(this.policy.crashLoopWindowMs)} (last: ${howItEnded(code, signal)}).`,
        `Its routes answer 503 while it is down; the other services keep serving.`,
        `It is restarted every ${seconds(this.policy.maxDelayMs)} until a run lasts ${seconds(this.policy.healthyAfterMs)}.`,
        `Its own output above says why it stops.`,
      ]);
      this.emit('crash-loop', { name: app.spec.name, exits: next.record.exits.length });
    }
    this.emit('restart-scheduled', {
      name: app.spec.name,
      delayMs: next.delayMs,
      restarts: app.restarts,
      crashLoop: next.record.crashLoop,
    });
    app.timer = setTimeout(() => {
      if (!this.stopping) this.launch(app);
    }, next.delayMs);
  }

  writeStatus() {
    if (!this.statusFile) return;
    try {
      const temporary = `${this.statusFile}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(this.status(), null, 2)}\n`);
      renameSync(temporary, this.statusFile);
    } catch (error) {
      this.logger.info(`could not write ${this.statusFile}: ${error instanceof Error ? error.message : error}`);
    }
  }
}
