// `npm run bench:reviews`: the reviews service's pure computations on a stage of realistic size, each timed next to a
// floor measured in the same run. Every part prints its own line and its verdict; the exit code is 1 when one fails.
import os from 'node:os';
import { runAssignmentBench } from './assignment.bench';
import { runScoringBench } from './scoring.bench';

const parts: (() => boolean)[] = [runAssignmentBench, runScoringBench];

console.log(
  `reviews bench: ${new Date().toISOString()}\n` +
    `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
let failed = 0;
for (const part of parts) if (!part()) failed++;
process.exitCode = failed > 0 ? 1 : 0;
