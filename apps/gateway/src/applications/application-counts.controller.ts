import { type ApplicationCountsQuery, applicationCounts, applicationCountsQuery } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

/** The cycle at a glance for the office and the leading group: applications counted per status and stage. */
@Controller('tenants/:tenantKey/applications/counts')
export class ApplicationCountsController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    query: applicationCountsQuery,
    tag: 'applications',
    summary: 'How many applications stand in each status and stage (of one cycle, or all)',
    response: applicationCounts.response,
    path: tenantPath,
  })
  counts(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(applicationCountsQuery, 'query')) query: ApplicationCountsQuery,
  ) {
    return this.runtime.client.request(
      applicationCounts,
      query.cycle === undefined ? {} : { cycleNumber: query.cycle },
      { context: contextOf(request) },
    );
  }
}
