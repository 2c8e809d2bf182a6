import { DomainError, deadLetterListContract, deadLetterReplayContract, deadLetterSchema } from '@laurel/contracts';
import { PlatformRuntime, RequestContexts } from '@laurel/platform';
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import { ApiRoute } from '../http/api-route.decorator';
import { ZodPipe } from '../http/zod-body.pipe';

const servicePath = z.object({ service: z.string().max(40).describe('The service, e.g. `applications`') }).strict();
const replayPath = servicePath.extend({ id: z.uuid().describe('The dead letter') }).strict();

const listQuery = z.object({ includeResolved: z.enum(['true', 'false']).default('false') }).strict();

/** Operators list the events each service's consumers gave up on, and replay them. */
@Controller('operations/dead-letters')
export class DeadLetterController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
  ) {}

  @Get(':service')
  @Access({ operator: true })
  @ApiRoute({
    query: listQuery,
    tag: 'operations',
    summary: 'Dead letters of one service',
    path: servicePath,
    response: z.object({ deadLetters: z.array(deadLetterSchema) }),
  })
  list(@Param('service') service: string, @Query(new ZodPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    return this.runtime.client.request(
      deadLetterListContract(this.known(service)),
      { includeResolved: query.includeResolved === 'true' },
      { context: RequestContexts.system() },
    );
  }

  @Post(':service/:id/replay')
  @HttpCode(200)
  @Access({ operator: true })
  @ApiRoute({
    tag: 'operations',
    summary: 'Replay one dead letter',
    path: replayPath,
    response: z.object({ replayed: z.boolean() }),
  })
  replay(@Param('service') service: string, @Param('id', new ZodPipe(z.uuid(), 'path')) id: string) {
    return this.runtime.client.request(
      deadLetterReplayContract(this.known(service)),
      { id },
      { context: RequestContexts.system() },
    );
  }

  private known(service: string): string {
    if (service === 'gateway' || this.services.includes(service)) return service;
    throw DomainError.notFound({ zh: '未知的服务', en: 'No such service' });
  }
}
