import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLaunchPolicy } from './policy-loader.service';
import { runPolicyCli } from './run-policy-cli.util';

process.exitCode = runPolicyCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  loadLaunchPolicy,
  // `npm run policy -- explain FILE` runs from the repository root: a relative FILE is the caller's (INIT_CWD).
  resolvePath: (path) => resolve(process.env.INIT_CWD ?? process.cwd(), path),
});
