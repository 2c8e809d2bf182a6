import {
  findingRecord,
  findingRecordBody,
  investigatorAssign,
  investigatorAssignBody,
  objectionAdmit,
  objectionAdmitBody,
  objectionContactReveal,
  objectionContactRevealBody,
  objectionContactSchema,
  objectionDecide,
  objectionDecideBody,
  objectionGet,
  objectionList,
  objectionRefuse,
  objectionRefuseBody,
  objectionResult,
  objectionResultSchema,
  objectionSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ByIdPath, byIdPath, type ObjectionListQuery, objectionListQuery } from './objections-routes.schema';

/**
 * The bodies that may act on objections. Which one does what is the jurisdiction's rule, checked by the objections
 * service: the office receives and decides them in ili and linxia; in xinzhou-city the supervision group receives and
 * investigates them and the leading group decides them.
 */
const ACTING_BODIES = ['office', 'supervisor', 'leading_group'];

@Controller('tenants/:tenantKey/objections')
export class ObjectionController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: ACTING_BODIES, whileSuspended: true })
  @ApiRoute({
    query: objectionListQuery,
    tag: 'objections',
    summary: 'Objections (?status=, ?overdue=true for overdue cases)',
    rule: 'the body the tenant’s policy names receives and decides (e.g. xinzhou-city 第二十七条: the supervision group receives)',
    response: objectionList.response,
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(objectionListQuery, 'query')) query: ObjectionListQuery,
  ) {
    return this.runtime.client.request(objectionList, query, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ACTING_BODIES, whileSuspended: true })
  @ApiRoute({
    tag: 'objections',
    summary: 'One objection (phone and ID number masked)',
    response: objectionSchema,
    path: byIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(objectionGet, { id: path.id }, { context: contextOf(request) });
  }

  @Get(':id/result')
  @Access({ roles: ['recommender'], whileSuspended: true })
  @ApiRoute({
    tag: 'objections',
    summary:
      'The decided result of an objection, for a user of the recommender of its entry where the regulation sends it the result (ili 第二十一条); never who objected. 409 before the decision; 403 where the policy does not notify the recommender',
    response: objectionResultSchema,
    path: byIdPath,
  })
  result(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(objectionResult, { id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/contact')
  @Access({ roles: ACTING_BODIES })
  @ApiRoute({
    tag: 'objections',
    summary: 'The objector’s full contact details, with the reason recorded in the audit trail',
    body: objectionContactRevealBody,
    response: objectionContactSchema,
    status: 200,
    path: byIdPath,
  })
  revealContact(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(objectionContactRevealBody)) body: z.infer<typeof objectionContactRevealBody>,
  ) {
    return this.runtime.client.request(
      objectionContactReveal,
      { id: path.id, reason: body.reason },
      { context: contextOf(request) },
    );
  }

  @Post(':id/admit')
  @Access({ roles: ACTING_BODIES })
  @ApiRoute({
    tag: 'objections',
    summary: 'Admit: the written receipt is issued',
    rule: 'examined within the period the tenant’s policy sets (e.g. ili 第十九条: 3 working days), by the receiving body it names',
    body: objectionAdmitBody,
    response: objectionSchema,
    status: 200,
    path: byIdPath,
  })
  admit(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(objectionAdmitBody)) body: z.infer<typeof objectionAdmitBody>,
  ) {
    return this.runtime.client.request(objectionAdmit, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post(':id/refuse')
  @Access({ roles: ACTING_BODIES })
  @ApiRoute({
    tag: 'objections',
    summary: 'Refuse with reasons',
    rule: 'examined within the period the tenant’s policy sets (e.g. ili 第十九条: 3 working days), by the receiving body it names',
    body: objectionRefuseBody,
    response: objectionSchema,
    status: 200,
    path: byIdPath,
  })
  refuse(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(objectionRefuseBody)) body: z.infer<typeof objectionRefuseBody>,
  ) {
    return this.runtime.client.request(objectionRefuse, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post(':id/investigators')
  @Access({ roles: ACTING_BODIES })
  @ApiRoute({
    tag: 'objections',
    summary: 'Assign an investigator with no interest in the case',
    rule: 'investigators have no interest in the case (e.g. ili 第二十条)',
    body: investigatorAssignBody,
    response: objectionSchema,
    status: 200,
    path: byIdPath,
  })
  assign(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(investigatorAssignBody)) body: z.infer<typeof investigatorAssignBody>,
  ) {
    return this.runtime.client.request(investigatorAssign, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post(':id/findings')
  @Access({ roles: ACTING_BODIES })
  @ApiRoute({
    tag: 'objections',
    summary: 'Record a finding of the investigation',
    body: findingRecordBody,
    response: objectionSchema,
    status: 200,
    path: byIdPath,
  })
  finding(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(findingRecordBody)) body: z.infer<typeof findingRecordBody>,
  ) {
    return this.runtime.client.request(findingRecord, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post(':id/decision')
  @Access({ roles: ACTING_BODIES })
  @ApiRoute({
    tag: 'objections',
    summary: 'Decide: upheld or dismissed (published as an event)',
    rule: 'by the deciding body the tenant’s policy names; upheld on a prohibited ground disqualifies the application, the result goes to the objector and the recommender (e.g. ili 第二十一条)',
    body: objectionDecideBody,
    response: objectionSchema,
    status: 200,
    path: byIdPath,
  })
  decide(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(objectionDecideBody)) body: z.infer<typeof objectionDecideBody>,
  ) {
    return this.runtime.client.request(objectionDecide, { id: path.id, ...body }, { context: contextOf(request) });
  }
}
