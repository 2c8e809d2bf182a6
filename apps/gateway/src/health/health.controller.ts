import { type ServiceHealth, serviceHealthContract, serviceHealthSchema } from '@laurel/contracts';
import { PlatformRuntime, RequestContexts } from '@laurel/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import { ApiRoute } from '../http/api-route.decorator';
import { SupervisorStatusReader, supervisedAppSchema } from './supervisor-status.reader';

const platformHealthSchema = z.object({
  status: z.enum(['up', 'degraded', 'down']),
  checkedAt: z.string(),
  services: z.array(serviceHealthSchema),
  /** Under `npm start`: each app's restarts and state as its supervisor sees them. */
  supervision: z.array(supervisedAppSchema).optional(),
});

/** The platform's health at a glance: the gateway's own dependencies and every service's answer. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
    @Inject(SupervisorStatusReader) private readonly supervisor: SupervisorStatusReader,
  ) {}

  @Get()
  @ApiRoute({ tag: 'health', summary: 'Health of the gateway and every service', response: platformHealthSchema })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const context = RequestContexts.system();
    const answers = await Promise.all(
      this.services.map(async (service): Promise<ServiceHealth> => {
        try {
          return await this.runtime.client.request(serviceHealthContract(service), {}, { context, timeoutMs: 1500 });
        } catch (error) {
          return {
            service,
            status: 'down',
            version: 'unknown',
            uptimeSeconds: 0,
            dependencies: { nats: { status: 'down', error: error instanceof Error ? error.message : String(error) } },
          };
        }
      }),
    );
    // What failed is logged by each service; the public page says which dependency is down, not its error text
    // (addresses, ports and driver messages are nobody's business outside).
    const supervision = await this.supervisor.read();
    // A service in a crash loop is down, even in the moment one of its short runs answers.
    const looping = new Set(supervision?.filter((app) => app.crashLoop).map((app) => app.service));
    const all = [await this.runtime.health(), ...answers]
      .map(withoutErrorText)
      .map((health) => (looping.has(health.service) ? { ...health, status: 'down' as const } : health));
    const down = all.filter((s) => s.status !== 'up').length;
    const status = down === 0 ? 'up' : all[0]?.status === 'down' ? 'down' : 'degraded';
    // A load balancer or monitor reads the code: 503 when the gateway itself cannot serve; degraded still serves.
    if (status === 'down') reply.status(503);
    return {
      status,
      // The machine's time: a rehearsal platform's virtual time is on /api/v1/clock.
      checkedAt: this.runtime.wallClock.now().toISOString(),
      services: all,
      ...(supervision ? { supervision } : {}),
    };
  }
}

function withoutErrorText(health: ServiceHealth): ServiceHealth {
  const dependencies: ServiceHealth['dependencies'] = {};
  for (const [name, state] of Object.entries(health.dependencies)) {
    const { error: _hidden, ...shown } = state as typeof state & { error?: string };
    dependencies[name] = shown;
  }
  return { ...health, dependencies };
}
