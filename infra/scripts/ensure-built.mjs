// Builds what is not built yet (turbo caches the rest).
import { ensureDependencies, run } from './lib.mjs';

ensureDependencies();
run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
