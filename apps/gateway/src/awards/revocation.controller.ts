import {
  approveRevocation,
  dismissRevocation,
  getRevocation,
  listApplicationBans,
  listRevocations,
  type OpenRevocationFromDutyBody,
  type OpenRevocationRequest,
  openRevocation,
  openRevocationFromDuty,
  openRevocationFromDutyBody,
  openRevocationRequest,
  revocationCaseSchema,
  revocationListSchema,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type ApproveRevocationBody,
  approveRevocationBody,
  type DismissRevocationBody,
  type DutyRevocationPath,
  dismissRevocationBody,
  dutyRevocationPath,
  type RevocationPath,
  revocationPath,
} from './revocation.schema';

const READERS = ['office', 'leading_group', 'supervisor'];

/** Revocation cases: the office opens them, records the approving body's act (then each consequence applies), or dismisses them. */
@Controller('tenants/:tenantKey')
export class RevocationController {
  constructor(private readonly client: ServiceClient) {}

  @Post('revocations')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'revocations',
    summary:
      'Open a revocation case on a ground the policy lists, with its evidence; the policy’s consequences are evaluated',
    rule: 'the consequences and their articles come from the policy version the award’s cycle pinned (e.g. ili 第二十八条, xinzhou-district 第十七条)',
    body: openRevocationRequest,
    response: revocationCaseSchema,
    status: 201,
    path: tenantPath,
  })
  open(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(openRevocationRequest)) body: OpenRevocationRequest) {
    return this.client.request(openRevocation, body, { context: contextOf(request) });
  }

  @Post('duties/:dutyId/revocation')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'revocations',
    summary:
      'Open a revocation case from an overdue post-award duty, where the policy lists refusing duties as a ground; the duty is the first evidence',
    rule: 'refusing duties is a ground only where the policy says so (xinzhou-city 第二十八条 拒绝履行相关责任义务); 422 on a duty not overdue or without that ground',
    body: openRevocationFromDutyBody,
    response: revocationCaseSchema,
    status: 201,
    path: dutyRevocationPath,
  })
  openFromDuty(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(dutyRevocationPath, 'path')) path: DutyRevocationPath,
    @Body(new ZodPipe(openRevocationFromDutyBody)) body: OpenRevocationFromDutyBody,
  ) {
    return this.client.request(
      openRevocationFromDuty,
      { dutyId: path.dutyId, ...body },
      { context: contextOf(request) },
    );
  }

  @Get('revocations')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'revocations',
    summary: 'The revocation cases, newest first',
    response: revocationListSchema,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest) {
    return this.client.request(listRevocations, {}, { context: contextOf(request) });
  }

  @Get('revocations/:id')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'revocations',
    summary: 'One revocation case with its evaluation, approval and steps',
    response: revocationCaseSchema,
    path: revocationPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(revocationPath, 'path')) path: RevocationPath) {
    return this.client.request(getRevocation, { id: path.id }, { context: contextOf(request) });
  }

  @Post('revocations/:id/approve')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'revocations',
    summary:
      'Record the approving body’s act (body, 文号, date); each consequence the policy names is then applied as a step',
    rule: 'the approving body is the one the policy names (ili 第二十九条: the prefecture government); recorded, never automated',
    body: approveRevocationBody,
    response: revocationCaseSchema,
    path: revocationPath,
  })
  approve(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(revocationPath, 'path')) path: RevocationPath,
    @Body(new ZodPipe(approveRevocationBody)) body: ApproveRevocationBody,
  ) {
    return this.client.request(approveRevocation, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post('revocations/:id/dismiss')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'revocations',
    summary: 'Dismiss an open revocation case, with the reason',
    body: dismissRevocationBody,
    response: revocationCaseSchema,
    path: revocationPath,
  })
  dismiss(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(revocationPath, 'path')) path: RevocationPath,
    @Body(new ZodPipe(dismissRevocationBody)) body: DismissRevocationBody,
  ) {
    return this.client.request(dismissRevocation, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Get('bans')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'revocations',
    summary: 'The application bans on record (禁止申报), each with its case and article',
    response: listApplicationBans.response,
    path: tenantPath,
  })
  bans(@Req() request: AuthenticatedRequest) {
    return this.client.request(listApplicationBans, {}, { context: contextOf(request) });
  }
}
