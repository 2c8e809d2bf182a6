import { closeCycle, cycleSchema, getCycle, listCycles, type OpenCycleRequest, openCycle } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CyclePath, cyclePath, openCycleBody, STAFF_ROLES } from './awards.schema';

/** Cycles (届): the office opens and closes them; staff read them. */
@Controller('tenants/:tenantKey/cycles')
export class CycleController {
  constructor(private readonly client: ServiceClient) {}

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'cycles',
    summary: 'Open a cycle (office): it pins the latest policy version; one open cycle at a time',
    body: openCycleBody,
    response: cycleSchema,
    status: 201,
  })
  open(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(openCycleBody)) body: OpenCycleRequest) {
    return this.client.request(openCycle, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ operator: true, roles: STAFF_ROLES, whileSuspended: true })
  @ApiRoute({
    tag: 'cycles',
    summary: 'The cycles, oldest first',
    response: z.object({ cycles: z.array(cycleSchema) }),
  })
  list(@Req() request: AuthenticatedRequest) {
    return this.client.request(listCycles, {}, { context: contextOf(request) });
  }

  @Get(':number')
  @Access({ operator: true, roles: STAFF_ROLES, whileSuspended: true })
  @ApiRoute({ tag: 'cycles', summary: 'One cycle with its schedule, quotas and warnings', response: cycleSchema })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(getCycle, { number: path.number }, { context: contextOf(request) });
  }

  @Post(':number/close')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({ tag: 'cycles', summary: 'Close the cycle (office), so that the next may open', response: cycleSchema })
  close(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(closeCycle, { number: path.number }, { context: contextOf(request) });
  }
}
