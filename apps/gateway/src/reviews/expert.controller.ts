import {
  type ConflictDeclareBody,
  conflictDeclare,
  conflictDeclareBody,
  conflictSchema,
  DomainError,
  type ExpertListQuery,
  type ExpertProfileBody,
  type ExpertRegisterBody,
  expertGet,
  expertList,
  expertListQuery,
  expertProfileBody,
  expertRegister,
  expertRegisterBody,
  expertSchema,
  expertUpdate,
  type ReviewApplicationListQuery,
  reviewApplicationGet,
  reviewApplicationList,
  reviewApplicationListQuery,
  reviewApplicationSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { TenantScoped } from '../http/tenant-scoped.interceptor';
import { ZodPipe } from '../http/zod-body.pipe';
import { UserService } from '../user/user.service';
import {
  type ExpertIdPath,
  expertIdPath,
  type OwnApplicationPath,
  ownApplicationPath,
  RECUSAL_RULE,
} from './reviews-routes.schema';

/** The expert pool (the office), and an expert's own profile, applications and declarations. */
@Controller('tenants/:tenantKey/experts')
@TenantScoped()
export class ExpertController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    private readonly users: UserService,
  ) {}

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'experts',
    summary:
      'Register an expert of the pool, linked to a user account with the `expert` role; conflicts are detected at once',
    rule: RECUSAL_RULE,
    body: expertRegisterBody,
    response: expertSchema,
    status: 201,
    path: tenantPath,
  })
  async register(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(expertRegisterBody)) body: ExpertRegisterBody,
  ) {
    if (!(await this.users.holdsRole(body.userId, 'expert'))) {
      throw DomainError.validation([
        {
          field: 'body.userId',
          reason: {
            zh: '须为本辖区持有“评审专家”角色的用户',
            en: 'must be a user of this jurisdiction with the `expert` role',
          },
        },
      ]);
    }
    return this.runtime.client.request(expertRegister, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary: 'The expert pool (phone and ID numbers masked), by `?speciality=`',
    query: expertListQuery,
    response: expertList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(expertListQuery, 'query')) query: ExpertListQuery) {
    return this.runtime.client.request(expertList, query, { context: contextOf(request) });
  }

  @Get('me')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({ tag: 'experts', summary: 'The signed-in expert’s own profile', response: expertSchema, path: tenantPath })
  me(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(expertGet, { id: 'me' }, { context: contextOf(request) });
  }

  @Get('me/applications')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary: 'The accepted applications the expert may review: never one it has a recused or undecided conflict with',
    rule: RECUSAL_RULE,
    query: reviewApplicationListQuery,
    response: reviewApplicationList.response,
    path: tenantPath,
  })
  applications(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(reviewApplicationListQuery, 'query')) query: ReviewApplicationListQuery,
  ) {
    return this.runtime.client.request(reviewApplicationList, query, { context: contextOf(request) });
  }

  @Get('me/applications/:applicationId')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary: 'One application the expert may review; 404 for one it has a conflict with (its existence does not leak)',
    rule: RECUSAL_RULE,
    response: reviewApplicationSchema,
    path: ownApplicationPath,
  })
  application(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(ownApplicationPath, 'path')) path: OwnApplicationPath,
  ) {
    return this.runtime.client.request(
      reviewApplicationGet,
      { id: path.applicationId },
      { context: contextOf(request) },
    );
  }

  @Post('me/conflicts')
  @Access({ roles: ['expert'] })
  @ApiRoute({
    tag: 'experts',
    summary: 'Declare an interest in an application: the expert is recused at once',
    rule: RECUSAL_RULE,
    body: conflictDeclareBody,
    response: conflictSchema,
    status: 201,
    path: tenantPath,
  })
  declare(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(conflictDeclareBody)) body: ConflictDeclareBody) {
    return this.runtime.client.request(conflictDeclare, body, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ['office', 'expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary: 'One expert with its full profile (the office any; an expert its own, else 404)',
    response: expertSchema,
    path: expertIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(expertIdPath, 'path')) path: ExpertIdPath) {
    return this.runtime.client.request(expertGet, { id: path.id }, { context: contextOf(request) });
  }

  @Put(':id')
  @Access({ roles: ['office', 'expert'] })
  @ApiRoute({
    tag: 'experts',
    summary:
      'Replace an expert’s profile (the office any; an expert its own); detection reruns, a new interest raises a new flag',
    rule: RECUSAL_RULE,
    body: expertProfileBody,
    response: expertSchema,
    path: expertIdPath,
  })
  update(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(expertIdPath, 'path')) path: ExpertIdPath,
    @Body(new ZodPipe(expertProfileBody)) body: ExpertProfileBody,
  ) {
    return this.runtime.client.request(expertUpdate, { id: path.id, profile: body }, { context: contextOf(request) });
  }
}
