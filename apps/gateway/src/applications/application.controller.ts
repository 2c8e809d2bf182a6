import {
  type ApplicationListQuery,
  acceptanceListBody,
  acceptanceListPublish,
  applicationCreate,
  applicationCreateBody,
  applicationDecide,
  applicationFactsBody,
  applicationFormalReview,
  applicationGet,
  applicationList,
  applicationListQuery,
  applicationReview,
  applicationSchema,
  applicationStartPublicity,
  applicationSubmit,
  applicationUpdateFacts,
  decisionBody,
  formalReviewBody,
  publicityBody,
  reviewBody,
  submitBody,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ByCyclePath, type ByIdPath, byCyclePath, byIdPath } from './applications-routes.schema';

/** Who reads applications: the office, the applicant and recommender of each, and the leading group (it decides). */
const READERS = ['office', 'applicant', 'recommender', 'leading_group'];

/** Applications, from draft to acceptance; the gateway checks the role, the applications service the rule. */
@Controller('tenants/:tenantKey')
export class ApplicationController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post('applications')
  @Access({ roles: ['office', 'applicant'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'Start an application in a cycle (one per applicant and cycle)',
    rule: 'within the cycle’s application window; one per applicant and cycle; kinds of applicant the cycle’s policy admits (the policy names the article, e.g. ili 第二条)',
    body: applicationCreateBody,
    response: applicationSchema,
    status: 201,
    path: tenantPath,
  })
  create(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(applicationCreateBody)) body: z.output<typeof applicationCreateBody>,
  ) {
    return this.runtime.client.request(applicationCreate, body, { context: contextOf(request) });
  }

  @Get('applications')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    query: applicationListQuery,
    tag: 'applications',
    summary: 'Applications the caller may see: a work queue by cycle, status(es) and stage',
    response: applicationList.response,
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(applicationListQuery, 'query')) query: ApplicationListQuery,
  ) {
    const { cycle, ...rest } = query;
    return this.runtime.client.request(
      applicationList,
      { ...(cycle === undefined ? {} : { cycleNumber: cycle }), ...rest },
      { context: contextOf(request) },
    );
  }

  @Get('applications/:id')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'applications',
    summary: 'One application with its history',
    response: applicationSchema,
    path: byIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(applicationGet, { id: path.id }, { context: contextOf(request) });
  }

  @Put('applications/:id/facts')
  @Access({ roles: ['office', 'applicant'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'Change declared facts and attestations (draft or returned)',
    rule: 'only while the application is a draft or returned',
    body: applicationFactsBody,
    response: applicationSchema,
    path: byIdPath,
  })
  facts(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(applicationFactsBody)) body: z.output<typeof applicationFactsBody>,
  ) {
    return this.runtime.client.request(
      applicationUpdateFacts,
      { id: path.id, ...body },
      { context: contextOf(request) },
    );
  }

  @Post('applications/:id/decisions')
  @Access({ roles: ['office', 'leading_group'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'Record a person’s decision on a condition left to people',
    rule: 'conditions the regulation leaves to people (e.g. xinzhou-city 第十条’s waiver) are decided by a person, recorded with who, when and why',
    body: decisionBody,
    response: applicationSchema,
    status: 200,
    path: byIdPath,
  })
  decide(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(decisionBody)) body: z.output<typeof decisionBody>,
  ) {
    return this.runtime.client.request(applicationDecide, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post('applications/:id/internal-publicity')
  @Access({ roles: ['office', 'applicant'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'Start internal publicity (period computed in working days)',
    rule: 'at least the period the tenant’s policy sets, in working days on the official calendar (e.g. ili 第十条: 5 working days)',
    body: publicityBody,
    response: applicationSchema,
    status: 200,
    path: byIdPath,
  })
  publicity(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(publicityBody)) body: z.output<typeof publicityBody>,
  ) {
    return this.runtime.client.request(
      applicationStartPublicity,
      { id: path.id, ...body },
      { context: contextOf(request) },
    );
  }

  @Post('applications/:id/submit')
  @Access({ roles: ['office', 'applicant'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'Submit to a recommender, or to the office where the policy has no recommender',
    rule: 'not before internal publicity ended, nor while ineligible or a ban check awaits a decision; the first time within the cycle’s window (the tenant’s policy names the article, e.g. ili 第十条); `recommenderId` where the policy has a recommendation step, none where it has not (the office’s formal review follows)',
    body: submitBody,
    response: applicationSchema,
    status: 200,
    path: byIdPath,
  })
  submit(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(submitBody)) body: z.output<typeof submitBody>,
  ) {
    return this.runtime.client.request(applicationSubmit, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post('applications/:id/review')
  @Access({ roles: ['recommender'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'The recommender: recommend (audit opinion), return or refuse',
    rule: 'recommending opens the recommender’s public notice where the policy has one (e.g. ili 第十一条: 5 working days)',
    body: reviewBody,
    response: applicationSchema,
    status: 200,
    path: byIdPath,
  })
  review(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(reviewBody)) body: z.output<typeof reviewBody>,
  ) {
    return this.runtime.client.request(applicationReview, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post('applications/:id/formal-review')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'The office’s formal review: pass, or not accepted with written reasons',
    rule: 'not accepted only with written reasons (e.g. linxia 第十七条); the ban check is asked again; of a recommended application, or of a submitted one where the policy has no recommender',
    body: formalReviewBody,
    response: applicationSchema,
    status: 200,
    path: byIdPath,
  })
  formalReview(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(formalReviewBody)) body: z.output<typeof formalReviewBody>,
  ) {
    return this.runtime.client.request(
      applicationFormalReview,
      { id: path.id, ...body },
      { context: contextOf(request) },
    );
  }

  @Post('cycles/:number/acceptance-list')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'applications',
    summary: 'Publish the acceptance list (受理名单) as a public notice',
    rule: 'noticed for the period the tenant’s policy sets (e.g. ili 第十三条: 5 working days)',
    body: acceptanceListBody,
    response: acceptanceListPublish.response,
    status: 201,
    path: byCyclePath,
  })
  acceptanceList(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byCyclePath, 'path')) path: ByCyclePath,
    @Body(new ZodPipe(acceptanceListBody)) body: z.output<typeof acceptanceListBody>,
  ) {
    return this.runtime.client.request(
      acceptanceListPublish,
      { cycleNumber: path.number, ...body },
      { context: contextOf(request) },
    );
  }
}
