import {
  closeCycle,
  cycleForApplicant,
  cycleListResponse,
  cycleSchema,
  getCycle,
  listCycles,
  type OpenCycleRequest,
  openCycle,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
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
    summary: 'Open a cycle: it pins the latest policy version',
    rule: 'one open cycle at a time, not before the regulation is in force nor after its last day, a year no sooner than the cycle length allows (the tenant’s policy names the article, e.g. ili 第四条)',
    body: openCycleBody,
    response: cycleSchema,
    status: 201,
    path: tenantPath,
  })
  open(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(openCycleBody)) body: OpenCycleRequest) {
    return this.client.request(openCycle, body, { context: contextOf(request) });
  }

  @Get()
  // Applicants too: the applicant's portal starts its application in the cycle that is open.
  @Access({ operator: true, roles: [...STAFF_ROLES, 'applicant'], whileSuspended: true })
  @ApiRoute({
    tag: 'cycles',
    summary: 'The cycles, oldest first (an applicant does not see who opened them)',
    response: cycleListResponse,
    path: tenantPath,
  })
  async list(@Req() request: AuthenticatedRequest) {
    const listed = await this.client.request(listCycles, {}, { context: contextOf(request) });
    const actor = request.principal?.actor;
    const staff = actor?.operator || actor?.roles.some((role) => STAFF_ROLES.includes(role));
    return staff ? listed : { cycles: listed.cycles.map(cycleForApplicant) };
  }

  @Get(':number')
  @Access({ operator: true, roles: STAFF_ROLES, whileSuspended: true })
  @ApiRoute({
    tag: 'cycles',
    summary: 'One cycle with its schedule, quotas and warnings',
    response: cycleSchema,
    path: cyclePath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(getCycle, { number: path.number }, { context: contextOf(request) });
  }

  @Post(':number/close')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'cycles',
    summary: 'Close the cycle, so that the next may open',
    response: cycleSchema,
    path: cyclePath,
  })
  close(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(closeCycle, { number: path.number }, { context: contextOf(request) });
  }
}
