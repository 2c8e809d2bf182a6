import {
  type AppropriationBody,
  accountList,
  appropriationBody,
  appropriationList,
  appropriationLoad,
  appropriationSchema,
  budgetYearList,
  recipientStatementGet,
  trialBalanceGet,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type AppropriationListQuery,
  appropriationListQuery,
  type BudgetYearPath,
  budgetYearPath,
  FUNDS_RULE,
  MONEY_KEEPERS,
  MONEY_READERS,
  type RecipientStatementPath,
  recipientStatementPath,
} from './funds-routes.schema';

/** Budget years, their accounts and the appropriations finance loads. */
@Controller('tenants/:tenantKey/funds')
export class BudgetYearController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('budget-years')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'Every budget year at a glance: appropriated, available, obligated, payable, pending, paid (fen)',
    rule: FUNDS_RULE,
    response: budgetYearList.response,
    path: tenantPath,
  })
  budgetYears(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(budgetYearList, {}, { context: contextOf(request) });
  }

  @Get('budget-years/:budgetYear/accounts')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'The accounts of a budget year with their debits and credits, pending and posted, and balance rules',
    rule: FUNDS_RULE,
    response: accountList.response,
    path: budgetYearPath,
  })
  accounts(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(budgetYearPath, 'path')) path: BudgetYearPath) {
    return this.runtime.client.request(accountList, { budgetYear: path.budgetYear }, { context: contextOf(request) });
  }

  @Get('budget-years/:budgetYear/trial-balance')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary:
      'The trial balance of a budget year on one page: every account’s sums as kept and checked against its ' +
      'transfers, the totals, debits equal credits',
    rule: FUNDS_RULE,
    response: trialBalanceGet.response,
    path: budgetYearPath,
  })
  trialBalance(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(budgetYearPath, 'path')) path: BudgetYearPath) {
    return this.runtime.client.request(
      trialBalanceGet,
      { budgetYear: path.budgetYear },
      { context: contextOf(request) },
    );
  }

  @Get('budget-years/:budgetYear/statements/:recipientId')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'A recipient’s statement for a budget year: entitled, paid, pending, claimed back, recovered, written off',
    rule: FUNDS_RULE,
    response: recipientStatementGet.response,
    path: recipientStatementPath,
  })
  statement(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(recipientStatementPath, 'path')) path: RecipientStatementPath,
  ) {
    return this.runtime.client.request(
      recipientStatementGet,
      { budgetYear: path.budgetYear, recipientId: path.recipientId },
      { context: contextOf(request) },
    );
  }

  @Get('appropriations')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'The appropriations loaded, by `?budgetYear=`: amount, budget document, who, when',
    query: appropriationListQuery,
    response: appropriationList.response,
    path: tenantPath,
  })
  appropriations(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(appropriationListQuery, 'query')) query: AppropriationListQuery,
  ) {
    return this.runtime.client.request(appropriationList, query, { context: contextOf(request) });
  }

  @Post('appropriations')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary:
      'Load (part of) a budget year’s appropriation (预算指标) with its budget document; `transferId` is yours: ' +
      'the same request again answers the same, other content under it is a 409 naming the field',
    rule: FUNDS_RULE,
    body: appropriationBody,
    response: appropriationSchema,
    status: 201,
    path: tenantPath,
  })
  load(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(appropriationBody)) body: AppropriationBody) {
    return this.runtime.client.request(appropriationLoad, body, { context: contextOf(request) });
  }
}
