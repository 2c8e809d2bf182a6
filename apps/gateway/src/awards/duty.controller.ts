import {
  dutyGet,
  dutyList,
  dutyPlan,
  dutySchema,
  dutySetDueDate,
  dutyStatusSchema,
  dutySubmit,
  pageNext,
  pageQuery,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantKeyParam, tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const titlePath = z.object({ tenantKey: tenantKeyParam, titleId: z.uuid() }).strict();
const dutyPath = z.object({ tenantKey: tenantKeyParam, dutyId: z.uuid() }).strict();
const dutyQuery = z
  .object({
    status: dutyStatusSchema.optional(),
    titleId: z.uuid().optional(),
    applicantId: z.uuid().optional(),
    ...pageQuery,
  })
  .strict();
const submitBody = z.object({ submission: z.string().trim().min(10).max(100_000) }).strict();
const dueDateBody = z.object({ dueDate: z.iso.date(), reason: z.string().trim().min(2).max(2000) }).strict();
const STAFF = ['office', 'leading_group', 'supervisor', 'finance'];

/**
 * Post-award duties (获奖后义务): the office plans and dates them and sees the overdue ones; the holder (an applicant
 * account, its own only) reads and submits them in the applicant portal.
 */
@Controller('tenants/:tenantKey')
export class DutyController {
  constructor(private readonly client: ServiceClient) {}

  @Post('titles/:titleId/duties')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'duties',
    summary: 'Plan the title’s duties from its policy (once; again answers the same duties)',
    response: dutyPlan.response,
    path: titlePath,
  })
  plan(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(titlePath, 'path')) path: z.infer<typeof titlePath>) {
    return this.client.request(dutyPlan, { titleId: path.titleId }, { context: contextOf(request) });
  }

  @Get('duties')
  @Access({ roles: [...STAFF, 'applicant'], whileSuspended: true })
  @ApiRoute({
    tag: 'duties',
    summary: 'Duties by state, title or applicant (an applicant account: its own applicant’s, with `applicantId`)',
    query: dutyQuery,
    response: z.object({ items: z.array(dutySchema), ...pageNext }),
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(dutyQuery, 'query')) query: z.infer<typeof dutyQuery>) {
    return this.client.request(dutyList, query, { context: contextOf(request) });
  }

  @Get('duties/:dutyId')
  @Access({ roles: [...STAFF, 'applicant'], whileSuspended: true })
  @ApiRoute({ tag: 'duties', summary: 'One duty with its reminders', response: dutySchema, path: dutyPath })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(dutyPath, 'path')) path: z.infer<typeof dutyPath>) {
    return this.client.request(dutyGet, { dutyId: path.dutyId }, { context: contextOf(request) });
  }

  @Post('duties/:dutyId/submission')
  @HttpCode(200)
  @Access({ roles: ['applicant'] })
  @ApiRoute({
    tag: 'duties',
    summary: 'The holder submits the duty (a report’s text); a late one is taken and stays marked overdue',
    body: submitBody,
    response: dutySchema,
    path: dutyPath,
  })
  submit(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(dutyPath, 'path')) path: z.infer<typeof dutyPath>,
    @Body(new ZodPipe(submitBody)) body: z.infer<typeof submitBody>,
  ) {
    return this.client.request(dutySubmit, { dutyId: path.dutyId, ...body }, { context: contextOf(request) });
  }

  @Post('duties/:dutyId/due-date')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'duties',
    summary: 'The office sets a due date the regulation leaves to it (按时报送) or a requested evaluation’s date',
    body: dueDateBody,
    response: dutySchema,
    path: dutyPath,
  })
  setDueDate(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(dutyPath, 'path')) path: z.infer<typeof dutyPath>,
    @Body(new ZodPipe(dueDateBody)) body: z.infer<typeof dueDateBody>,
  ) {
    return this.client.request(dutySetDueDate, { dutyId: path.dutyId, ...body }, { context: contextOf(request) });
  }
}
