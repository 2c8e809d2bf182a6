import {
  candidateNoticeList,
  candidateNoticeOpen,
  candidateNoticeSchema,
  type OpenCandidateNoticeBody,
  openCandidateNoticeBody,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CyclePath, cyclePath } from './awards.schema';

/** The candidate and proposed-winners notices of a cycle's recorded candidate list, and what objections did. */
@Controller('tenants/:tenantKey/cycles')
export class CandidateNoticeController {
  constructor(private readonly client: ServiceClient) {}

  @Post(':number/candidate-notices')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'cycles',
    summary:
      'Opens the candidate notice or the proposed-winners notice of the recorded candidate list (the stage the policy names), with the policy’s period, unit and channel',
    body: openCandidateNoticeBody,
    response: candidateNoticeSchema,
    path: cyclePath,
    status: 201,
  })
  open(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Body(new ZodPipe(openCandidateNoticeBody, 'body')) body: OpenCandidateNoticeBody,
  ) {
    return this.client.request(
      candidateNoticeOpen,
      { ...body, cycleNumber: path.number },
      { context: contextOf(request) },
    );
  }

  @Get(':number/candidate-notices')
  @Access({ roles: ['office', 'leading_group', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    tag: 'cycles',
    summary: 'The cycle’s candidate notices and the candidates objections on them held or removed',
    response: candidateNoticeList.response,
    path: cyclePath,
  })
  list(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(candidateNoticeList, { cycleNumber: path.number }, { context: contextOf(request) });
  }
}
