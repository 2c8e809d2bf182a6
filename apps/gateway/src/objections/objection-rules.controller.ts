import {
  type ObjectionRulesBody,
  type ObjectionRulesQuery,
  objectionRulesBody,
  objectionRulesGet,
  objectionRulesPut,
  objectionRulesQuery,
  objectionRulesSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Put, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

/** The objection rules the objections service keeps for the jurisdiction (sections of its policy document). */
@Controller('tenants/:tenantKey/objection-rules')
export class ObjectionRulesController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  /**
   * The platform operator only, for a jurisdiction whose policy the awards service does not hold: the rules name who
   * may examine and decide objections, so the office must not be able to write its own.
   */
  @Put()
  @Access({ operator: true })
  @ApiRoute({
    tag: 'objection rules',
    summary: 'Record one policy version’s objection, report and notice rules (a version’s rules never change)',
    body: objectionRulesBody,
    response: objectionRulesSchema,
    status: 200,
    path: tenantPath,
  })
  put(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(objectionRulesBody)) body: ObjectionRulesBody) {
    return this.runtime.client.request(objectionRulesPut, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ operator: true, roles: ['office', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    query: objectionRulesQuery,
    tag: 'objection rules',
    summary: 'The objection rules of the newest policy version, or of `?version=`',
    response: objectionRulesSchema,
    path: tenantPath,
  })
  get(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(objectionRulesQuery, 'query')) query: ObjectionRulesQuery,
  ) {
    return this.runtime.client.request(objectionRulesGet, query, { context: contextOf(request) });
  }
}
