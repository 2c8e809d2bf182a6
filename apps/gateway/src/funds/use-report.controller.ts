import {
  type PerformanceEvaluationBody,
  performanceEvaluationBody,
  performanceEvaluationRecord,
  type UseReportAcceptBody,
  type UseReportListQuery,
  type UseReportQueryBody,
  type UseReportSaveBody,
  useReportAccept,
  useReportAcceptBody,
  useReportGet,
  useReportList,
  useReportListQuery,
  useReportQuery,
  useReportQueryBody,
  useReportSave,
  useReportSaveBody,
  useReportSubmit,
  useReportViewSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type FundsIdPath, fundsIdPath, MONEY_KEEPERS, MONEY_READERS } from './funds-routes.schema';

const USE_RULE =
  'Restricted use of award money (inner-mongolia 第十九条: 不得挪作他用, performance evaluation; xinzhou-city ' +
  '第二十二条: 主要用于): the winner reports its spending by the purposes the policy lists; finance accepts or queries';
const WINNER = ['applicant'];

/**
 * The use of award money: the winner (an applicant account, its own entitlements only) reports and submits; finance
 * accepts, queries and records the grant's performance evaluation; the office reads.
 */
@Controller('tenants/:tenantKey/funds')
export class UseReportController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('use-reports')
  @Access({ roles: [...MONEY_READERS, ...WINNER], whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary:
      'The use of each obligated entitlement (the policy’s purposes, the report, the evaluation), by `?status=`; ' +
      'an applicant account passes its own `?applicantId=`, and then sees its money whose amount awaits a decision ' +
      'too (`amount_undecided`, with the cap)',
    rule: USE_RULE,
    query: useReportListQuery,
    response: useReportList.response,
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(useReportListQuery, 'query')) query: UseReportListQuery,
  ) {
    return this.runtime.client.request(useReportList, query, { context: contextOf(request) });
  }

  @Get('entitlements/:id/use')
  @Access({ roles: [...MONEY_READERS, ...WINNER], whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'The use of one entitlement: the policy’s purposes, the use report with its history, the evaluation',
    rule: USE_RULE,
    response: useReportViewSchema,
    path: fundsIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath) {
    return this.runtime.client.request(useReportGet, { entitlementId: path.id }, { context: contextOf(request) });
  }

  @Put('entitlements/:id/use-report')
  @Access({ roles: WINNER })
  @ApiRoute({
    tag: 'funds',
    summary:
      'The winner writes its use report’s lines (purpose, amount in fen, description): a draft, or a queried report corrected',
    rule: USE_RULE,
    body: useReportSaveBody,
    response: useReportViewSchema,
    status: 200,
    path: fundsIdPath,
  })
  save(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(useReportSaveBody)) body: UseReportSaveBody,
  ) {
    return this.runtime.client.request(
      useReportSave,
      { ...body, entitlementId: path.id },
      { context: contextOf(request) },
    );
  }

  @Post('entitlements/:id/use-report/submission')
  @HttpCode(200)
  @Access({ roles: WINNER })
  @ApiRoute({
    tag: 'funds',
    summary: 'The winner submits its use report (or resubmits it after finance’s query)',
    rule: USE_RULE,
    response: useReportViewSchema,
    path: fundsIdPath,
  })
  submit(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath) {
    return this.runtime.client.request(useReportSubmit, { entitlementId: path.id }, { context: contextOf(request) });
  }

  @Post('entitlements/:id/use-report/query')
  @HttpCode(200)
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'Finance queries the submitted report with its reasons; the winner corrects and resubmits',
    body: useReportQueryBody,
    response: useReportViewSchema,
    path: fundsIdPath,
  })
  query(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(useReportQueryBody)) body: UseReportQueryBody,
  ) {
    return this.runtime.client.request(
      useReportQuery,
      { ...body, entitlementId: path.id },
      { context: contextOf(request) },
    );
  }

  @Post('entitlements/:id/use-report/acceptance')
  @HttpCode(200)
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary: 'Finance accepts the submitted report (who and when recorded)',
    body: useReportAcceptBody,
    response: useReportViewSchema,
    path: fundsIdPath,
  })
  accept(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(useReportAcceptBody)) body: UseReportAcceptBody,
  ) {
    return this.runtime.client.request(
      useReportAccept,
      { ...body, entitlementId: path.id },
      { context: contextOf(request) },
    );
  }

  @Post('entitlements/:id/performance-evaluation')
  @Access({ roles: MONEY_KEEPERS })
  @ApiRoute({
    tag: 'funds',
    summary:
      'Finance records the grant’s performance evaluation (rating, conclusion, evaluator, date, report), once; ' +
      'only where the policy asks for one (inner-mongolia 第十九条)',
    rule: USE_RULE,
    body: performanceEvaluationBody,
    response: useReportViewSchema,
    status: 201,
    path: fundsIdPath,
  })
  evaluate(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(fundsIdPath, 'path')) path: FundsIdPath,
    @Body(new ZodPipe(performanceEvaluationBody)) body: PerformanceEvaluationBody,
  ) {
    return this.runtime.client.request(
      performanceEvaluationRecord,
      { ...body, entitlementId: path.id },
      { context: contextOf(request) },
    );
  }
}
