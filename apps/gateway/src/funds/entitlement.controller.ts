import {
  type DisbursementConfirmBody,
  type DisbursementFailBody,
  type DisbursementInitiateBody,
  disbursementConfirm,
  disbursementConfirmBody,
  disbursementFail,
  disbursementFailBody,
  disbursementInitiate,
  disbursementInitiateBody,
  disbursementSchema,
  type EntitlementAmountDecisionBody,
  type EntitlementListQuery,
  entitlementAmountDecisionBody,
  entitlementDecideAmount,
  entitlementGet,
  entitlementList,
  entitlementListQuery,
  entitlementSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { FUNDS_RULE, type FundsIdPath, fundsIdPath, MONEY_KEEPERS, MONEY_READERS } from './funds-routes.schema';

/** Entitlements (made by award decisions) and their disbursement in instalments. */
@Controller('tenants/:tenantKey/funds')
export class EntitlementController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('entitlements')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'Entitlements, by `?budgetYear=` and `?status=`: amount, article, what is paid, pending and owed',
    rule: FUNDS_RULE,
    query: entitlementListQuery,
    response: entitlementList.response,
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(entitlementListQuery, 'query')) query: EntitlementListQuery,
  ) {
    return this.runtime.client.request(entitlementList, query, { context: contextOf(request) });
  }

  @Get('entitlements/:id')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'One entitlement with its disbursements',
    response: entitlementSchema,
    path: fundsIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath) {
    return this.runtime.client.request(entitlementGet, { id: path.id }, { context: contextOf(request) });
  }

  @Post('entitlements/:id/amount-decision')
  @Access({ roles: MONEY_READERS })
  @ApiRoute({
    tag: 'funds',
    summary:
      'Record the amount a body decided for an entitlement the regulation leaves open (a cap "不超过N万元", or no ' +
      'amount): checked against the cap, then obligated; the office or finance records the decision as it reads',
    rule: FUNDS_RULE,
    body: entitlementAmountDecisionBody,
    response: entitlementSchema,
    status: 200,
    path: fundsIdPath,
  })
  decideAmount(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(entitlementAmountDecisionBody)) body: EntitlementAmountDecisionBody,
  ) {
    return this.runtime.client.request(
      entitlementDecideAmount,
      { ...body, id: path.id },
      { context: contextOf(request) },
    );
  }

  @Post('entitlements/:id/disbursements')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary:
      'Initiate an instalment (a pending transfer awaiting the treasury) with its voucher; `transferId` is yours ' +
      'and becomes the disbursement’s id',
    rule: FUNDS_RULE,
    body: disbursementInitiateBody,
    response: disbursementSchema,
    status: 201,
    path: fundsIdPath,
  })
  initiate(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(disbursementInitiateBody)) body: DisbursementInitiateBody,
  ) {
    return this.runtime.client.request(
      disbursementInitiate,
      { ...body, entitlementId: path.id },
      { context: contextOf(request) },
    );
  }

  @Post('disbursements/:id/confirm')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'The treasury paid the instalment: its pending transfer is posted (with the treasury’s reference)',
    body: disbursementConfirmBody,
    response: disbursementSchema,
    status: 200,
    path: fundsIdPath,
  })
  confirm(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(disbursementConfirmBody)) body: DisbursementConfirmBody,
  ) {
    return this.runtime.client.request(disbursementConfirm, { ...body, id: path.id }, { context: contextOf(request) });
  }

  @Post('disbursements/:id/fail')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'The treasury did not pay: its pending transfer is voided (with why) and the amount is owed again',
    body: disbursementFailBody,
    response: disbursementSchema,
    status: 200,
    path: fundsIdPath,
  })
  fail(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(disbursementFailBody)) body: DisbursementFailBody,
  ) {
    return this.runtime.client.request(disbursementFail, { ...body, id: path.id }, { context: contextOf(request) });
  }
}
