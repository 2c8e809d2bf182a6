import {
  type ClawbackAgreementBody,
  type ClawbackCaseListQuery,
  type ClawbackDemandBody,
  type ClawbackRecoveryBody,
  type ClawbackReturnBody,
  type ClawbackWriteOffBody,
  clawbackAgree,
  clawbackAgreementBody,
  clawbackCaseGet,
  clawbackCaseList,
  clawbackCaseListQuery,
  clawbackCaseSchema,
  clawbackDemand,
  clawbackDemandBody,
  clawbackDemandLetter,
  clawbackRecover,
  clawbackRecoveryBody,
  clawbackReturn,
  clawbackReturnBody,
  clawbackWriteOff,
  clawbackWriteOffBody,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { DOCUMENT_TIMEOUT_MS, replyWithDocument } from '../http/document-reply.util';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type FundsIdPath, fundsIdPath, MONEY_KEEPERS, MONEY_READERS } from './funds-routes.schema';

const CLAWBACK_RULE =
  'Clawback (追缴) of award money when an award is revoked (xinzhou-district 第十七条: within half a year; ' +
  'xinzhou-city 第二十八条): a case per revocation, on the ledger (ADR 0022)';

/** Clawback cases opened from revocations: demand, recoveries, instalment agreement, write-off, return (上缴). */
@Controller('tenants/:tenantKey/funds/clawback-cases')
export class ClawbackCaseController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'Clawback cases, by `?status=`, with those not opened and why',
    rule: CLAWBACK_RULE,
    query: clawbackCaseListQuery,
    response: clawbackCaseList.response,
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(clawbackCaseListQuery, 'query')) query: ClawbackCaseListQuery,
  ) {
    return this.runtime.client.request(clawbackCaseList, query, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'One clawback case with its history',
    response: clawbackCaseSchema,
    path: fundsIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath) {
    return this.runtime.client.request(clawbackCaseGet, { id: path.id }, { context: contextOf(request) });
  }

  @Get(':id/demand-letter')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'Download the demand letter (追缴通知书) as a PDF in Chinese: basis, amounts, due date or instalments',
    rule: CLAWBACK_RULE,
    path: fundsIdPath,
  })
  async demandLetter(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.runtime.client.request(
      clawbackDemandLetter,
      { id: path.id },
      { context: contextOf(request), timeoutMs: DOCUMENT_TIMEOUT_MS },
    );
    return replyWithDocument(reply, document);
  }

  @Post(':id/demand')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'The demand letter: its due date and how many days before it the recipient is reminded (finance decides)',
    rule: CLAWBACK_RULE,
    body: clawbackDemandBody,
    response: clawbackCaseSchema,
    status: 200,
    path: fundsIdPath,
  })
  demand(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(clawbackDemandBody)) body: ClawbackDemandBody,
  ) {
    return this.runtime.client.request(clawbackDemand, { ...body, id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/recoveries')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'A recovery, partial or whole, with its receipt: recovered ← receivable; `transferId` is yours',
    body: clawbackRecoveryBody,
    response: clawbackCaseSchema,
    status: 201,
    path: fundsIdPath,
  })
  recover(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(clawbackRecoveryBody)) body: ClawbackRecoveryBody,
  ) {
    return this.runtime.client.request(clawbackRecover, { ...body, id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/instalment-agreement')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'An instalment agreement: a schedule adding up to what is outstanding, replacing the due date',
    body: clawbackAgreementBody,
    response: clawbackCaseSchema,
    status: 200,
    path: fundsIdPath,
  })
  agree(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(clawbackAgreementBody)) body: ClawbackAgreementBody,
  ) {
    return this.runtime.client.request(clawbackAgree, { ...body, id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/write-off')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'Write off what is outstanding, only with an approval and a reason: written_off ← receivable',
    body: clawbackWriteOffBody,
    response: clawbackCaseSchema,
    status: 200,
    path: fundsIdPath,
  })
  writeOff(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(clawbackWriteOffBody)) body: ClawbackWriteOffBody,
  ) {
    return this.runtime.client.request(clawbackWriteOff, { ...body, id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/returns')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'Money recovered returned to the treasury (上缴) with its receipt: returned ← recovered',
    body: clawbackReturnBody,
    response: clawbackCaseSchema,
    status: 201,
    path: fundsIdPath,
  })
  returnToTreasury(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(clawbackReturnBody)) body: ClawbackReturnBody,
  ) {
    return this.runtime.client.request(clawbackReturn, { ...body, id: path.id }, { context: contextOf(request) });
  }
}
