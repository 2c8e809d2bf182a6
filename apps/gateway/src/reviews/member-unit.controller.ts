import {
  DomainError,
  type MemberUnitBody,
  type MemberUnitCodesBody,
  memberUnitAdd,
  memberUnitBody,
  memberUnitCodesBody,
  memberUnitList,
  memberUnitSchema,
  memberUnitSetCodes,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { TenantScoped } from '../http/tenant-scoped.interceptor';
import { ZodPipe } from '../http/zod-body.pipe';
import { UserService } from '../user/user.service';
import { type MemberUnitIdPath, memberUnitIdPath, RECUSAL_RULE, VOTE_RULE } from './reviews-routes.schema';

/** The leading group's member units (领导小组成员单位), as the office records them. */
@Controller('tenants/:tenantKey/member-units')
@TenantScoped()
export class MemberUnitController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    private readonly users: UserService,
  ) {}

  @Get()
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'The member units of the leading group',
    response: memberUnitList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(memberUnitList, {}, { context: contextOf(request) });
  }

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Record a member unit, voting through a user account with the `leading_group` role',
    rule: VOTE_RULE,
    body: memberUnitBody,
    response: memberUnitSchema,
    status: 201,
    path: tenantPath,
  })
  async add(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(memberUnitBody)) body: MemberUnitBody) {
    if (!(await this.users.holdsRole(body.userId, 'leading_group'))) {
      throw DomainError.validation([
        {
          field: 'body.userId',
          reason: {
            zh: '须为本辖区持有“领导小组”角色的用户',
            en: 'must be a user of this jurisdiction with the `leading_group` role',
          },
        },
      ]);
    }
    return this.runtime.client.request(memberUnitAdd, body, { context: contextOf(request) });
  }

  @Put(':id/credit-codes')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'conflicts',
    summary:
      'Change a member unit’s credit codes (its own, the units under it) with a reason; an applicant among them raises ' +
      'a conflict flag for the office to decide',
    rule: RECUSAL_RULE,
    body: memberUnitCodesBody,
    response: memberUnitSchema,
    path: memberUnitIdPath,
  })
  setCodes(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(memberUnitIdPath, 'path')) path: MemberUnitIdPath,
    @Body(new ZodPipe(memberUnitCodesBody)) body: MemberUnitCodesBody,
  ) {
    return this.runtime.client.request(memberUnitSetCodes, { id: path.id, ...body }, { context: contextOf(request) });
  }
}
