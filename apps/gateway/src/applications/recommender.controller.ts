import { recommenderCreate, recommenderCreateBody, recommenderList, recommenderSchema } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

/** The tenant's recommenders (推荐单位), kept by the office. */
@Controller('tenants/:tenantKey/recommenders')
export class RecommenderController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'recommenders',
    summary: 'Add a department or entrusted association',
    body: recommenderCreateBody,
    response: recommenderSchema,
    status: 201,
    path: tenantPath,
  })
  create(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(recommenderCreateBody)) body: z.output<typeof recommenderCreateBody>,
  ) {
    return this.runtime.client.request(recommenderCreate, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ roles: ['office', 'applicant', 'recommender'], whileSuspended: true })
  @ApiRoute({ tag: 'recommenders', summary: 'The recommenders', response: recommenderList.response, path: tenantPath })
  list(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(recommenderList, {}, { context: contextOf(request) });
  }
}
