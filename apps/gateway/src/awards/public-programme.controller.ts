import { getPolicySummary, policySummarySchema } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Controller, Get, Req } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';

/**
 * The award and its regulation as the public reads them (the public pages' first page): the same summary staff read,
 * of the latest policy version — a regulation is a public text. The guard resolves `{tenantKey}` (404 when unknown).
 */
@Controller('public/:tenantKey')
@Public()
export class PublicProgrammeController {
  constructor(private readonly client: ServiceClient) {}

  @Get('programme')
  @ApiRoute({
    tag: 'public notices',
    summary:
      'The award (质量奖) and its regulation at a glance: cycle, who may apply, tiers, notices; each with its article',
    response: policySummarySchema,
    path: tenantPath,
  })
  programme(@Req() request: AuthenticatedRequest) {
    return this.client.request(getPolicySummary, {}, { context: contextOf(request) });
  }
}
