import type { ServiceHealth } from '@laurel/contracts';
import { timeLimit } from '../clock/time-limit.util';

export type DependencyCheck = () => Promise<void>;

/**
 * Runs each dependency check with a time limit and sums them up as the service's health. `startedAt` is the
 * `performance.now()` of the start: uptime is real time elapsed, whatever the platform's clock says.
 */
export async function checkHealth(
  service: string,
  version: string,
  startedAt: number,
  checks: Record<string, DependencyCheck>,
): Promise<ServiceHealth> {
  const dependencies: ServiceHealth['dependencies'] = {};
  await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const started = performance.now();
      try {
        await timeLimit(check(), 2000, 'timed out after 2000 ms');
        dependencies[name] = { status: 'up', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
      } catch (error) {
        dependencies[name] = { status: 'down', error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const down = Object.values(dependencies).filter((d) => d.status === 'down').length;
  return {
    service,
    status: down === 0 ? 'up' : down === Object.keys(dependencies).length ? 'down' : 'degraded',
    version,
    uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
    dependencies,
  };
}
