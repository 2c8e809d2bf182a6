import { type CreditRecordEntry, getCreditRecord } from '@laurel/contracts';
import { ServiceClient, writeXlsx, XLSX_CONTENT_TYPE } from '@laurel/platform';
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access, Public } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';

/** The columns the national enterprise credit system is sent (ili 第二十八条): credit code, name, decision, date, basis. */
const EXPORT_COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', width: 22 },
  { key: 'applicantName', header: '名称', width: 30 },
  { key: 'decision', header: '撤销决定', width: 36 },
  { key: 'decidedOn', header: '决定日期', width: 12 },
  { key: 'basis', header: '依据', width: 36 },
  { key: 'system', header: '信用系统', width: 36 },
] as const satisfies readonly { key: keyof CreditRecordEntry; header: string; width: number }[];

/** The credit record as the public reads it: the applied revocations the policy publishes. */
@Controller('public/:tenantKey')
@Public()
export class PublicCreditRecordController {
  constructor(private readonly client: ServiceClient) {}

  @Get('credit-record')
  @ApiRoute({
    tag: 'public credit record',
    summary: 'Revoked awards (撤销) the policy publishes: name, credit code, decision, date and articles; no file',
    rule: 'only applied revocations whose policy publishes them or sends them to a credit system (ili 第二十八条)',
    response: getCreditRecord.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest) {
    return this.client.request(getCreditRecord, {}, { context: contextOf(request) });
  }
}

/** The credit record as an .xlsx file for the national enterprise credit system (ili 第二十八条). */
@Controller('tenants/:tenantKey')
export class CreditRecordExportController {
  constructor(private readonly client: ServiceClient) {}

  @Get('credit-record.xlsx')
  @Access({ roles: ['office', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    tag: 'revocations',
    summary: 'The credit record as .xlsx: credit code, name, decision, date and basis (cells never formulas)',
    path: tenantPath,
  })
  async export(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const { entries } = await this.client.request(getCreditRecord, {}, { context: contextOf(request) });
    const bytes = await writeXlsx({ sheet: '信用记录', columns: EXPORT_COLUMNS, rows: entries });
    await reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('credit-record.xlsx')}`)
      .header('cache-control', 'no-store')
      .send(bytes);
  }
}
