import { loadedRubricList, type RubricLoadBody, rubricLoad, rubricLoadBody } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const LOADED_RUBRIC_RULE =
  'a standard the platform does not encode (xinzhou-city 第十三条: DB14/T 1463, 1464) is scored by the rubric the ' +
  'office loads from its text, with the source; a scored stage does not open before it is loaded';

/** Rubrics the office loads from a standard's text (versioned, with their source, who and when). */
@Controller('tenants/:tenantKey/scoring/loaded-rubrics')
export class LoadedRubricController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'scores',
    summary: 'The rubrics the office loaded, every version with its source, who and when',
    rule: LOADED_RUBRIC_RULE,
    response: loadedRubricList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(loadedRubricList, {}, { context: contextOf(request) });
  }

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'scores',
    summary: 'Load a rubric from a standard’s text: categories, items, points, the total and the source (next version)',
    rule: LOADED_RUBRIC_RULE,
    body: rubricLoadBody,
    response: rubricLoad.response,
    status: 201,
    path: tenantPath,
  })
  load(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(rubricLoadBody)) body: RubricLoadBody) {
    return this.runtime.client.request(rubricLoad, body, { context: contextOf(request) });
  }
}
