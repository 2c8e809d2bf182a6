import {
  type ApplicantListQuery,
  type ApplicantRegisterBody,
  applicantGet,
  applicantList,
  applicantListQuery,
  applicantRegister,
  applicantRegisterBody,
  applicantSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ByIdPath, byIdPath } from './applications-routes.schema';

/** Applicants (申报组织 / 申报个人): an applicant account registers its own; the office any. */
@Controller('tenants/:tenantKey/applicants')
export class ApplicantController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post()
  @Access({ roles: ['office', 'applicant'] })
  @ApiRoute({
    tag: 'applicants',
    summary: 'Register an applicant (credit code or ID number checked; ID and phone encrypted at rest)',
    body: applicantRegisterBody,
    response: applicantSchema,
    status: 201,
    path: tenantPath,
  })
  register(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(applicantRegisterBody)) body: ApplicantRegisterBody,
  ) {
    return this.runtime.client.request(applicantRegister, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ roles: ['office', 'applicant'], whileSuspended: true })
  @ApiRoute({
    query: applicantListQuery,
    tag: 'applicants',
    summary: 'Applicants (numbers masked), found by part of the name or by credit code',
    response: applicantList.response,
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(applicantListQuery, 'query')) query: ApplicantListQuery,
  ) {
    return this.runtime.client.request(applicantList, query, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ['office', 'applicant'], whileSuspended: true })
  @ApiRoute({
    tag: 'applicants',
    summary: 'One applicant (numbers in full for the office)',
    response: applicantSchema,
    path: byIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(applicantGet, { id: path.id }, { context: contextOf(request) });
  }
}
