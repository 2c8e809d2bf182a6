import { readFileSync } from 'node:fs';
import { loadLaunchPolicy } from './policy-loader.service';
import { runPolicyCli } from './run-policy-cli.util';

process.exitCode = runPolicyCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  loadLaunchPolicy,
});
