import { explainPolicy } from './explain-policy.util';
import { isLaunchPolicyKey, launchPolicyKeys } from './launch-policy-keys.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';
import { policyWarnings, problemHint } from './policy-hints.util';
import { type PolicyProblem } from './policy-problem.schema';

/** What the CLI may do to the outside world; the real one uses fs and stdout, tests a fake. */
export interface PolicyCliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly loadLaunchPolicy: (key: (typeof launchPolicyKeys)[number]) => Policy;
  /** Resolves a FILE argument (npm runs scripts from the repository root; the real CLI resolves from INIT_CWD). */
  readonly resolvePath?: (path: string) => string;
}

const usage = `usage:
  policy validate FILE     check a policy document; prints OK or every problem (path: reason)
  policy explain KEY|FILE  print a policy's summary in Chinese and English
launch keys: ${launchPolicyKeys.join(', ')}
`;

type Read = { ok: true; document: unknown } | { ok: false; message: string };

function readJson(io: PolicyCliIo, file: string): Read {
  let text: string;
  try {
    text = io.readFile(io.resolvePath ? io.resolvePath(file) : file);
  } catch (error) {
    return { ok: false, message: `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${file}: not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function validate(io: PolicyCliIo, file: string): number {
  const read = readJson(io, file);
  if (!read.ok) {
    io.err(`${read.message}\n`);
    return 1;
  }
  const result = parsePolicy(read.document);
  if (result.ok) {
    io.out(`OK ${file}: ${result.policy.key} v${result.policy.version}\n`);
    warn(io, result.policy);
    return 0;
  }
  printProblems(io, file, result.problems);
  return 1;
}

function printProblems(io: PolicyCliIo, file: string, problems: readonly PolicyProblem[]): void {
  io.err(`${file}: ${problems.length} problem(s)\n`);
  for (const problem of problems) {
    const hint = problemHint(problem.path, problem.reason);
    io.err(`${problem.path}: ${problem.reason}\n${hint ? `  expected: ${hint}\n` : ''}`);
  }
}

function warn(io: PolicyCliIo, policy: Policy): void {
  for (const warning of policyWarnings(policy)) io.err(`warning ${warning.path}: ${warning.message}\n`);
}

function explain(io: PolicyCliIo, target: string): number {
  let policy: Policy;
  if (isLaunchPolicyKey(target)) {
    policy = io.loadLaunchPolicy(target);
  } else {
    const read = readJson(io, target);
    if (!read.ok) {
      io.err(`${read.message}\n(not a launch key either: ${launchPolicyKeys.join(', ')})\n`);
      return 1;
    }
    const result = parsePolicy(read.document);
    if (!result.ok) {
      printProblems(io, target, result.problems);
      return 1;
    }
    policy = result.policy;
    warn(io, policy);
  }
  io.out(explainPolicy(policy));
  return 0;
}

/** Runs `policy validate FILE` or `policy explain KEY|FILE`; returns the exit code (0 ok, 1 problems, 2 usage). */
export function runPolicyCli(args: readonly string[], io: PolicyCliIo): number {
  const [command, target, ...rest] = args;
  if ((command === 'validate' || command === 'explain') && target !== undefined && rest.length === 0) {
    return command === 'validate' ? validate(io, target) : explain(io, target);
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  io.err(usage);
  return 2;
}
