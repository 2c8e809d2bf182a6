import { type EntitlementView, entitlementList, recipientStatementGet, trialBalanceGet } from '@laurel/contracts';
import { PlatformRuntime, writeXlsx, XLSX_CONTENT_TYPE, type XlsxTable } from '@laurel/platform';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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
  MONEY_READERS,
  type RecipientStatementPath,
  recipientStatementPath,
} from './funds-routes.schema';
import { entitlementsTable, statementTable, trialBalanceTable } from './funds-xlsx.tables';

const EXPORT_RULE = `${FUNDS_RULE}; exported through the platform's one .xlsx writer (cells starting = + - @ escaped)`;

/** The ledger's views as .xlsx in the layouts finance offices keep: Chinese headers, 元 with two decimals, 合计 row. */
@Controller('tenants/:tenantKey/funds')
export class FundsExportController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('budget-years/:budgetYear/trial-balance.xlsx')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'The trial balance of a budget year as .xlsx',
    rule: EXPORT_RULE,
    path: budgetYearPath,
  })
  async trialBalance(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(budgetYearPath, 'path')) path: BudgetYearPath,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await this.runtime.client.request(
      trialBalanceGet,
      { budgetYear: path.budgetYear },
      { context: contextOf(request) },
    );
    await send(reply, trialBalanceTable(view), `trial-balance-${path.budgetYear}.xlsx`);
  }

  @Get('budget-years/:budgetYear/statements/:recipientId/statement.xlsx')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'A recipient’s statement for a budget year as .xlsx',
    rule: EXPORT_RULE,
    path: recipientStatementPath,
  })
  async statement(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(recipientStatementPath, 'path')) path: RecipientStatementPath,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await this.runtime.client.request(
      recipientStatementGet,
      { budgetYear: path.budgetYear, recipientId: path.recipientId },
      { context: contextOf(request) },
    );
    await send(reply, statementTable(view), `statement-${path.budgetYear}-${path.recipientId}.xlsx`);
  }

  @Get('entitlements.xlsx')
  @Access({ roles: MONEY_READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'funds',
    summary: 'The entitlements, by `?budgetYear=`, as .xlsx: every page of the list',
    rule: EXPORT_RULE,
    query: appropriationListQuery,
    path: tenantPath,
  })
  async entitlements(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(appropriationListQuery, 'query')) query: AppropriationListQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const all: EntitlementView[] = [];
    let after: string | undefined;
    do {
      const page = await this.runtime.client.request(
        entitlementList,
        { budgetYear: query.budgetYear, after, limit: 100 },
        { context: contextOf(request) },
      );
      all.push(...page.entitlements);
      after = page.next ?? undefined;
    } while (after);
    await send(reply, entitlementsTable(all), `entitlements${query.budgetYear ? `-${query.budgetYear}` : ''}.xlsx`);
  }
}

async function send<Row>(reply: FastifyReply, table: XlsxTable<Row>, filename: string): Promise<void> {
  await reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(await writeXlsx(table));
}
