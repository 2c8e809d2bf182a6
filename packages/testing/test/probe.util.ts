import { randomUUID } from 'node:crypto';
import { bootstrapService, type Clock, type RequestContext, type RunningService } from '@laurel/platform';
import { probeService } from '../fixtures/probe/src/probe.service-definition';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import type { TestInfrastructure } from '../src/test-infrastructure';

/** The probe service in this process. */
export function startProbe(
  infra: TestInfrastructure,
  options: { consumers: boolean; clock?: Clock; env?: Record<string, string> },
): Promise<RunningService<PrismaClient>> {
  return bootstrapService(probeService({ consumers: options.consumers }), {
    env: infra.env(options.env),
    clock: options.clock,
  });
}

/** A request context as the gateway would send it. */
export const asTenant = (tenantId: string): RequestContext => ({
  tenantId,
  correlationId: randomUUID(),
  actor: { userId: 'test-user', roles: ['office'], operator: false },
});

export const PROBE_MAIN = require.resolve('../fixtures/probe/src/main.ts');
