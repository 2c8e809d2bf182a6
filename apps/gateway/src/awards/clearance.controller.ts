import {
  type AnswerClearanceBody,
  answerClearanceBody,
  clearanceAnswer,
  clearanceDecide,
  clearanceList,
  clearanceOpen,
  clearanceRequestSchema,
  createDepartmentBody,
  type DecideClearanceBody,
  decideClearanceBody,
  departmentCreate,
  departmentList,
  departmentSchema,
  type OpenClearanceBody,
  openClearanceBody,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantKeyParam, tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CyclePath, cyclePath } from './awards.schema';

const requestPath = z.object({ tenantKey: tenantKeyParam, requestId: z.uuid() }).strict();
type RequestPath = z.infer<typeof requestPath>;
const listQuery = z.object({ cycleNumber: z.coerce.number().int().positive().max(2_147_483_647).optional() }).strict();
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Background clearance (征求意见): departments, requests per candidate, answers and the leading group's decisions. */
@Controller('tenants/:tenantKey')
export class ClearanceController {
  constructor(private readonly client: ServiceClient) {}

  @Post('departments')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'clearance',
    summary: 'Registers a department asked for background clearance, with its accounts (role `department`)',
    body: createDepartmentBody,
    response: departmentSchema,
    path: tenantPath,
    status: 201,
  })
  createDepartment(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(createDepartmentBody, 'body')) body: z.infer<typeof createDepartmentBody>,
  ) {
    return this.client.request(departmentCreate, body, { context: contextOf(request) });
  }

  @Get('departments')
  @Access({ roles: ['office', 'leading_group', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    tag: 'clearance',
    summary: 'The departments of the jurisdiction',
    response: items(departmentSchema),
    path: tenantPath,
  })
  departments(@Req() request: AuthenticatedRequest) {
    return this.client.request(departmentList, {}, { context: contextOf(request) });
  }

  @Post('cycles/:number/clearance')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'clearance',
    summary:
      'Opens background clearance for a candidate: a request to each department the policy names for its category (and others the office names with a reason), due at the end of dueOn',
    body: openClearanceBody,
    response: items(clearanceRequestSchema),
    path: cyclePath,
    status: 201,
  })
  open(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Body(new ZodPipe(openClearanceBody, 'body')) body: OpenClearanceBody,
  ) {
    return this.client.request(clearanceOpen, { ...body, cycleNumber: path.number }, { context: contextOf(request) });
  }

  @Get('clearance-requests')
  @Access({ roles: ['office', 'leading_group', 'supervisor', 'department'], whileSuspended: true })
  @ApiRoute({
    tag: 'clearance',
    summary: 'Clearance requests: all of a cycle for the office; a department account sees its own department’s',
    query: listQuery,
    response: items(clearanceRequestSchema),
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    return this.client.request(clearanceList, query, { context: contextOf(request) });
  }

  @Post('clearance-requests/:requestId/answer')
  @HttpCode(200)
  @Access({ roles: ['department'] })
  @ApiRoute({
    tag: 'clearance',
    summary: 'The department’s answer: clear, or a concern with its reasons (held before the leading group)',
    body: answerClearanceBody,
    response: clearanceRequestSchema,
    path: requestPath,
  })
  answer(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(requestPath, 'path')) path: RequestPath,
    @Body(new ZodPipe(answerClearanceBody, 'body')) body: AnswerClearanceBody,
  ) {
    return this.client.request(
      clearanceAnswer,
      { ...body, requestId: path.requestId },
      { context: contextOf(request) },
    );
  }

  @Post('clearance-requests/:requestId/decision')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'clearance',
    summary: 'Records the leading group’s decision on a concern: dismissed (the candidate goes on) or upheld (removed)',
    body: decideClearanceBody,
    response: clearanceRequestSchema,
    path: requestPath,
  })
  decide(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(requestPath, 'path')) path: RequestPath,
    @Body(new ZodPipe(decideClearanceBody, 'body')) body: DecideClearanceBody,
  ) {
    return this.client.request(
      clearanceDecide,
      { ...body, requestId: path.requestId },
      { context: contextOf(request) },
    );
  }
}
