// The supervisor of `npm start` (infra/scripts/supervisor.mjs): its back-off and crash-loop rules, and the real thing
// on tiny child processes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  afterExit,
  backoffDelay,
  DEFAULT_POLICY,
  freshRecord,
  instanceCount,
  instanceName,
  type RestartRecord,
  Supervisor,
  type SupervisorStatus,
} from '../../../infra/scripts/supervisor.mjs';

describe('supervisor: several instances of each app (LAUREL_INSTANCES)', () => {
  it('runs one of each by default, up to eight, and refuses anything else with the setting named', () => {
    expect(instanceCount(undefined)).toBe(1);
    expect(instanceCount('')).toBe(1);
    expect(instanceCount('2')).toBe(2);
    expect(instanceCount('8')).toBe(8);
    for (const wrong of ['0', '9', '1.5', 'two', '-1']) expect(() => instanceCount(wrong)).toThrow(/LAUREL_INSTANCES/);
  });

  it('supervises the first instance under the app’s name, the others numbered', () => {
    expect(instanceName('applications', 1)).toBe('applications');
    expect(instanceName('applications', 2)).toBe('applications#2');
  });
});

describe('supervisor: the rules (pure)', () => {
  it('waits 0.5 s after the first exit, doubling up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelay(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  /** Exits at the given times (ms), each run starting `runMs` before its exit. */
  const exitsAt = (times: number[], runMs = 100) => {
    let record: RestartRecord = freshRecord(0);
    const outcomes: ReturnType<typeof afterExit>[] = [];
    for (const at of times) {
      record = { ...record, startedAt: at - runMs };
      const outcome = afterExit(record, at);
      outcomes.push(outcome);
      record = outcome.record;
    }
    return outcomes;
  };

  it('backs off across quick exits and starts again from 0.5 s after a run of a minute', () => {
    const quick = exitsAt([1_000, 2_000, 4_000]);
    expect(quick.map((o) => o.delayMs)).toEqual([500, 1000, 2000]);
    const record = { ...(quick[2] as ReturnType<typeof afterExit>).record, startedAt: 10_000 };
    expect(afterExit(record, 10_000 + DEFAULT_POLICY.healthyAfterMs).delayMs).toBe(500);
  });

  it('five exits within two minutes are a crash loop: reported once, retried at 30 s until a healthy run', () => {
    const outcomes = exitsAt([1_000, 2_000, 4_000, 8_000, 16_000, 50_000, 90_000]);
    expect(outcomes.map((o) => o.record.crashLoop)).toEqual([false, false, false, false, true, true, true]);
    expect(outcomes.map((o) => o.enteredCrashLoop)).toEqual([false, false, false, false, true, false, false]);
    expect(outcomes.slice(4).map((o) => o.delayMs)).toEqual([30000, 30000, 30000]);
    // Exits spread out (older ones fall out of the window) do not end it; a run of a minute does.
    const looping = (outcomes[6] as ReturnType<typeof afterExit>).record;
    expect(afterExit({ ...looping, startedAt: 200_000 }, 230_000).record.crashLoop).toBe(true);
    const healthy = afterExit({ ...looping, startedAt: 200_000 }, 200_000 + DEFAULT_POLICY.healthyAfterMs);
    expect(healthy.record.crashLoop).toBe(false);
    expect(healthy.delayMs).toBe(500);
  });

  it('one exit after a healthy minute is no crash loop, however many exits came before it', () => {
    const looping = (exitsAt([1_000, 2_000, 4_000, 8_000, 16_000])[4] as ReturnType<typeof afterExit>).record;
    expect(looping.crashLoop).toBe(true);
    const after = afterExit({ ...looping, startedAt: 17_000 }, 17_000 + DEFAULT_POLICY.healthyAfterMs + 3_000);
    expect(after.record.crashLoop).toBe(false);
    expect(after.record.exits).toHaveLength(1);
    expect(after.delayMs).toBe(500);
  });

  it('five exits spread over more than two minutes are no crash loop', () => {
    const outcomes = exitsAt([0, 40_000, 80_000, 120_000, 160_000]);
    expect(outcomes.some((o) => o.record.crashLoop)).toBe(false);
  });
});

describe('supervisor: child processes', () => {
  const node = process.execPath;
  /** A child that says it is ready, then exits with `code` after `afterMs` (never, with null). */
  const script = (afterMs: number | null, code = 3) =>
    `console.log('ready'); ${afterMs === null ? 'setInterval(() => {}, 1000);' : `setTimeout(() => process.exit(${code}), ${afterMs});`}`;
  let dir: string;
  let supervisor: Supervisor | null = null;
  const logs: string[] = [];
  const alarms: string[][] = [];
  const logger = { info: (message: string) => logs.push(message), alarm: (lines: string[]) => alarms.push(lines) };
  const quiet = () => undefined;
  const statusFile = () => path.join(dir, 'supervisor.json');
  const status = () => JSON.parse(readFileSync(statusFile(), 'utf8')) as SupervisorStatus;
  const next = <T>(event: string, where: (value: T) => boolean = () => true) =>
    new Promise<T>((resolve) => {
      const listener = (value: T) => {
        if (!where(value)) return;
        supervisor?.off(event, listener);
        resolve(value);
      };
      supervisor?.on(event, listener);
    });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'laurel-supervisor-'));
    logs.length = 0;
    alarms.length = 0;
  });
  afterEach(async () => {
    await supervisor?.stop();
    supervisor = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts an app that exits, with doubling delays, and reports a crash loop loudly while it keeps trying', async () => {
    const policy = {
      initialDelayMs: 100,
      maxDelayMs: 800,
      healthyAfterMs: 60_000,
      crashLoopExits: 4,
      crashLoopWindowMs: 60_000,
    };
    supervisor = new Supervisor({ policy, logger, statusFile: statusFile() });
    const scheduled: { delayMs: number; crashLoop: boolean }[] = [];
    supervisor.on('restart-scheduled', (event: { delayMs: number; crashLoop: boolean }) => scheduled.push(event));
    const pids: number[] = [];
    supervisor.on('spawn', (_name: string, pid: number) => pids.push(pid));
    const steady = new Supervisor({ logger });
    await steady.add({ name: 'steady', command: node, args: ['-e', script(null)], ready: /ready/, onLine: quiet });

    const looped = next('crash-loop');
    await supervisor.add({ name: 'flaky', command: node, args: ['-e', script(50)], ready: /ready/, onLine: quiet });
    await looped;
    expect(scheduled.map((s) => s.delayMs)).toEqual([100, 200, 400, 800]);
    expect(scheduled.map((s) => s.crashLoop)).toEqual([false, false, false, true]);
    expect(logs).toContainEqual(
      expect.stringMatching(/^flaky exited unexpectedly \(exit code 3\) .* restarting in 0\.1 s \(restart 1\)/),
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.[0]).toMatch(/CRASH LOOP: flaky exited 4 times/);
    expect(status().apps.flaky).toMatchObject({ state: 'crash_loop', crashLoop: true, restarts: 4 });
    // It keeps trying, at the longest delay.
    await next('restart-scheduled');
    expect(scheduled.at(-1)).toMatchObject({ delayMs: 800, crashLoop: true });
    expect(alarms).toHaveLength(1);
    expect(new Set(pids).size).toBeGreaterThanOrEqual(5);
    // The other app was left alone.
    expect(steady.status().apps.steady).toMatchObject({ state: 'running', restarts: 0 });
    await steady.stop();
  });

  it('a crash loop ends when a run lasts long enough', async () => {
    const policy = { initialDelayMs: 50, maxDelayMs: 200, healthyAfterMs: 3000, crashLoopExits: 3 };
    supervisor = new Supervisor({ policy, logger, statusFile: statusFile() });
    // Exits at once on its first three runs (counted in a file), then stays up.
    const counter = path.join(dir, 'runs');
    const flaky =
      `const fs = require('node:fs'); const runs = Number(fs.existsSync(${JSON.stringify(counter)}) ? ` +
      `fs.readFileSync(${JSON.stringify(counter)}, 'utf8') : 0) + 1; fs.writeFileSync(${JSON.stringify(counter)}, String(runs)); ` +
      `console.log('ready'); if (runs <= 3) setTimeout(() => process.exit(1), 20); else setInterval(() => {}, 1000);`;
    const looped = next('crash-loop');
    const recovered = next('recovered');
    await supervisor.add({ name: 'flaky', command: node, args: ['-e', flaky], ready: /ready/, onLine: quiet });
    await looped;
    expect(status().apps.flaky).toMatchObject({ state: 'crash_loop', crashLoop: true });
    await recovered;
    expect(status().apps.flaky).toMatchObject({ state: 'running', crashLoop: false, restarts: 3 });
    expect(logs).toContainEqual(expect.stringMatching(/^flaky has run for 3\.0 s: crash loop over/));
  });

  it('restarts an app killed with SIGKILL and logs the signal', async () => {
    supervisor = new Supervisor({ policy: { initialDelayMs: 200 }, logger, statusFile: statusFile() });
    await supervisor.add({ name: 'service', command: node, args: ['-e', script(null)], ready: /ready/, onLine: quiet });
    const first = supervisor.pid('service') as number;
    const exited = next<{ signal: string | null }>('exit');
    const back = next<number>('ready');
    const killedAt = Date.now();
    process.kill(first, 'SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    expect(status().apps.service).toMatchObject({ state: 'restarting', pid: null, restarts: 1 });
    await back;
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(200);
    expect(supervisor.pid('service')).not.toBe(first);
    expect(status().apps.service).toMatchObject({ state: 'running', restarts: 1, lastExit: { signal: 'SIGKILL' } });
    expect(logs).toContainEqual(expect.stringMatching(/^service exited unexpectedly \(signal SIGKILL\)/));
    expect(logs).toContainEqual(expect.stringMatching(/^service is back/));
  });

  it('stops cleanly: SIGTERM to every app, SIGKILL to one that ignores it, and no restart', async () => {
    supervisor = new Supervisor({ policy: { stopTimeoutMs: 500 }, logger, statusFile: statusFile() });
    const stubborn = `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); ${script(null)}`;
    await supervisor.add({ name: 'polite', command: node, args: ['-e', script(null)], ready: /ready/, onLine: quiet });
    await supervisor.add({ name: 'stubborn', command: node, args: ['-e', stubborn], ready: /ready/, onLine: quiet });
    const exits: { name: string; signal: string | null }[] = [];
    supervisor.on('exit', (event: { name: string; signal: string | null }) => exits.push(event));
    const restarts: unknown[] = [];
    supervisor.on('restart-scheduled', (event: unknown) => restarts.push(event));
    const started = Date.now();
    await supervisor.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(exits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'polite', signal: 'SIGTERM' }),
        expect.objectContaining({ name: 'stubborn', signal: 'SIGKILL' }),
      ]),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(restarts).toEqual([]);
    expect(supervisor.pid('polite')).toBeNull();
    expect(Object.values(status().apps).map((a) => a.state)).toEqual(['stopped', 'stopped']);
  });

  it('an app whose first start fails is not restarted: the start is refused with its exit', async () => {
    supervisor = new Supervisor({ logger });
    await expect(
      supervisor.add({ name: 'broken', command: node, args: ['-e', 'process.exit(2)'], ready: /ready/, onLine: quiet }),
    ).rejects.toThrow(/broken exited while starting \(exit code 2\)/);
    await new Promise((r) => setTimeout(r, DEFAULT_POLICY.initialDelayMs + 200));
    expect(supervisor.status().apps.broken).toMatchObject({ state: 'failed', restarts: 0 });
  });
});
