// Types of supervisor.mjs, for the TypeScript tests that import it.
import type { EventEmitter } from 'node:events';

export interface SupervisorPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  healthyAfterMs: number;
  crashLoopExits: number;
  crashLoopWindowMs: number;
  stopTimeoutMs: number;
}

export interface RestartRecord {
  startedAt: number;
  failures: number;
  exits: number[];
  crashLoop: boolean;
}

export declare function instanceCount(value: string | undefined): number;
export declare function instanceName(app: string, instance: number): string;
export declare const DEFAULT_POLICY: Readonly<SupervisorPolicy>;
export declare function backoffDelay(failures: number, policy?: SupervisorPolicy): number;
export declare function freshRecord(startedAt: number): RestartRecord;
export declare function afterExit(
  record: RestartRecord,
  now: number,
  policy?: SupervisorPolicy,
): { record: RestartRecord; delayMs: number; enteredCrashLoop: boolean };

export interface AppSpec {
  name: string;
  command: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  ready?: RegExp;
  readyTimeoutMs?: number;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface AppStatus {
  state: 'starting' | 'running' | 'restarting' | 'crash_loop' | 'failed' | 'stopping' | 'stopped';
  pid: number | null;
  restarts: number;
  crashLoop: boolean;
  lastExit: { code: number | null; signal: string | null; at: string; ranMs: number } | null;
  nextStartAt: string | null;
}

export interface SupervisorStatus {
  updatedAt: string;
  supervisorPid: number;
  apps: Record<string, AppStatus>;
}

export interface SupervisorLogger {
  info(message: string): void;
  alarm(lines: string[]): void;
}

export declare class Supervisor extends EventEmitter {
  constructor(options?: {
    policy?: Partial<SupervisorPolicy>;
    logger?: SupervisorLogger;
    statusFile?: string;
    now?: () => number;
  });
  readonly policy: SupervisorPolicy;
  add(spec: AppSpec): Promise<void>;
  pid(name: string): number | null;
  status(): SupervisorStatus;
  stop(): Promise<void>;
}
