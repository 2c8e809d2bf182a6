import { type Clock, WALL_CLOCK } from '@laurel/platform';
import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/auth.decorators';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { ApiRoute } from '../http/api-route.decorator';
import type { AuthenticatedRequest } from '../http/authenticated-request';
import { BOARD_COOKIE, BOARD_PASS_TTL_MS, BOARD_PATH, issueBoardPass } from './board-pass.util';
import { boardPassSchema, eventPipelineSchema } from './event-pipeline.schema';
import { EventPipelineService } from './event-pipeline.service';

/** Operators watch the event pipeline and open the queue board. */
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly pipeline: EventPipelineService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  @Get('events')
  @Access({ operator: true })
  @ApiRoute({
    tag: 'operations',
    summary:
      'The event pipeline: each service’s stream and durable consumers (pending, redelivered), its outbox backlog',
    response: eventPipelineSchema,
  })
  events() {
    return this.pipeline.read();
  }

  /**
   * The board is a page of its own (links, its own scripts): it cannot send the bearer header, so an operator's token
   * buys a pass, a signed cookie for the board's path only, HttpOnly and SameSite=Strict, valid ten minutes (ADR 0019).
   */
  @Post('queues/pass')
  @HttpCode(200)
  @Access({ operator: true })
  @ApiRoute({
    tag: 'operations',
    summary: 'A ten-minute pass (cookie) to the BullMQ queue board at /api/v1/operations/queues/board',
    response: boardPassSchema,
  })
  pass(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const expiresAt = this.wallClock.now().getTime() + BOARD_PASS_TTL_MS;
    const pass = issueBoardPass(this.config.LAUREL_JWT_SECRET, request.principal?.actor.userId ?? '', expiresAt);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${BOARD_COOKIE}=${pass}; Path=${BOARD_PATH}; Max-Age=${BOARD_PASS_TTL_MS / 1000}; HttpOnly; SameSite=Strict${secure}`,
    );
    return { url: `${BOARD_PATH}/`, expiresAt: new Date(expiresAt).toISOString() };
  }
}
