import {
  type ConflictDecisionBody,
  type ConflictDeclareBody,
  type ConflictListQuery,
  type ConflictSettingsBody,
  conflictDecide,
  conflictDecisionBody,
  conflictDeclareBody,
  conflictDeclareParty,
  conflictGet,
  conflictList,
  conflictListQuery,
  conflictSchema,
  conflictSettingsBody,
  conflictSettingsGet,
  conflictSettingsPut,
  conflictSettingsSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ConflictIdPath, conflictIdPath, RECUSAL_RULE } from './reviews-routes.schema';

/** Conflict-of-interest flags as the office decides them, and the detection settings it records. */
@Controller('tenants/:tenantKey/conflicts')
export class ConflictController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'conflicts',
    summary: 'Conflict flags, by `?status=`, `?partyKind=`, `?expertId=`, `?applicationId=`, with their history',
    rule: RECUSAL_RULE,
    query: conflictListQuery,
    response: conflictList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(conflictListQuery, 'query')) query: ConflictListQuery) {
    return this.runtime.client.request(conflictList, query, { context: contextOf(request) });
  }

  @Post('declarations')
  @Access({ roles: ['office', 'leading_group'] })
  @ApiRoute({
    tag: 'conflicts',
    summary:
      'A member unit (its own) or an office user declares an interest in an application; the flag waits for the ' +
      'office’s decision, and until it is dismissed the unit has no ballot line for it and the user decides nothing on it',
    rule: RECUSAL_RULE,
    body: conflictDeclareBody,
    response: conflictSchema,
    status: 201,
    path: tenantPath,
  })
  declare(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(conflictDeclareBody)) body: ConflictDeclareBody) {
    return this.runtime.client.request(conflictDeclareParty, body, { context: contextOf(request) });
  }

  @Get('settings')
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'conflicts',
    summary: 'The recorded detection settings: the past-employer window (default 3 years), who set it, when, why',
    response: conflictSettingsSchema,
    path: tenantPath,
  })
  settings(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(conflictSettingsGet, {}, { context: contextOf(request) });
  }

  @Put('settings')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'conflicts',
    summary: 'Record the past-employer window with a reason (the regulations name no window); detection reruns',
    rule: RECUSAL_RULE,
    body: conflictSettingsBody,
    response: conflictSettingsSchema,
    path: tenantPath,
  })
  putSettings(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(conflictSettingsBody)) body: ConflictSettingsBody,
  ) {
    return this.runtime.client.request(conflictSettingsPut, body, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'conflicts',
    summary: 'One conflict flag with its evidence, article and history',
    response: conflictSchema,
    path: conflictIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(conflictIdPath, 'path')) path: ConflictIdPath) {
    return this.runtime.client.request(conflictGet, { id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/decision')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'conflicts',
    summary:
      'Decide a detected flag: `recuse` (the expert never sees the application) or `dismiss` with a reason; final',
    rule: RECUSAL_RULE,
    body: conflictDecisionBody,
    response: conflictSchema,
    status: 200,
    path: conflictIdPath,
  })
  decide(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(conflictIdPath, 'path')) path: ConflictIdPath,
    @Body(new ZodPipe(conflictDecisionBody)) body: ConflictDecisionBody,
  ) {
    return this.runtime.client.request(conflictDecide, { id: path.id, ...body }, { context: contextOf(request) });
  }
}
