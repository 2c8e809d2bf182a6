import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Policy, parsePolicy } from '@laurel/policy';

/**
 * A policy document from a file, checked as the gateway checks it before a jurisdiction is registered with it: every
 * problem with its path and reason in the error. A relative path is the caller's (npm runs scripts from the
 * repository root; `INIT_CWD` is where the command was typed).
 */
export function policyFromFile(file: string): Policy {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not a JSON policy document (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parsePolicy(document);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `  ${p.path}: ${p.reason}`).join('\n');
    throw new Error(`${path}: not a valid policy document:\n${problems}`);
  }
  return parsed.policy;
}
