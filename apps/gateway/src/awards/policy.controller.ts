import {
  DomainError,
  getPolicy,
  getPolicySummary,
  policySummarySchema,
  policyVersionSchema,
  putPolicy,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { explainPolicy, parsePolicy } from '@laurel/policy';
import { Body, Controller, Get, Param, Put, Query, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type PutPolicyBody, putPolicyBody, STAFF_ROLES, type VersionQuery, versionQuery } from './awards.schema';
import { checkPolicyDocument } from './policy-document.util';

/** The policy in plain words, as `npm run policy -- explain` prints it (Chinese first, then English). */
const policyExplainedSchema = z.object({
  key: z.string(),
  version: z.number().int().positive(),
  appliesFromCycle: z.number().int().positive(),
  text: z.string().describe('Lines in Chinese and English, each rule with its article'),
});

/** The jurisdiction's policy: the office reads it, the operator versions it, staff read its summary. */
@Controller('tenants/:tenantKey/policy')
export class PolicyController {
  constructor(private readonly client: ServiceClient) {}

  @Get()
  @Access({ operator: true, roles: ['office'], whileSuspended: true })
  @ApiRoute({
    query: versionQuery,
    tag: 'policies',
    summary: 'A version of the policy document (the latest by default)',
    response: policyVersionSchema,
    path: tenantPath,
  })
  get(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(versionQuery, 'query')) query: VersionQuery) {
    return this.client.request(getPolicy, query, { context: contextOf(request) });
  }

  @Put()
  @Access({ operator: true })
  @ApiRoute({
    tag: 'policies',
    summary: 'A new policy version; it applies from the next cycle, the open one keeps its own',
    body: putPolicyBody,
    response: policyVersionSchema,
    path: tenantPath,
  })
  put(
    @Req() request: AuthenticatedRequest,
    @Param('tenantKey') tenantKey: string,
    @Body(new ZodPipe(putPolicyBody)) body: PutPolicyBody,
  ) {
    const { fields } = checkPolicyDocument(body.policy, { tenantKey, prefix: 'body.policy' });
    if (fields.length > 0) throw DomainError.validation(fields);
    return this.client.request(putPolicy, { tenantKey, policy: body.policy }, { context: contextOf(request) });
  }

  @Get('summary')
  @Access({ operator: true, roles: STAFF_ROLES, whileSuspended: true })
  @ApiRoute({
    query: versionQuery,
    tag: 'policies',
    summary:
      'The rules at a glance: cycle length, who may apply, tiers with quota and money, notices; each with its basis',
    response: policySummarySchema,
    path: tenantPath,
  })
  summary(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(versionQuery, 'query')) query: VersionQuery) {
    return this.client.request(getPolicySummary, query, { context: contextOf(request) });
  }

  @Get('explained')
  @Access({ operator: true, roles: STAFF_ROLES, whileSuspended: true })
  @ApiRoute({
    query: versionQuery,
    tag: 'policies',
    summary: 'The policy explained in plain words (zh and en), every rule with its article',
    response: policyExplainedSchema,
    path: tenantPath,
  })
  async explained(
    @Req() request: AuthenticatedRequest,
    @Param('tenantKey') tenantKey: string,
    @Query(new ZodPipe(versionQuery, 'query')) query: VersionQuery,
  ) {
    const version = await this.client.request(getPolicy, query, { context: contextOf(request) });
    const parsed = parsePolicy(version.policy);
    if (!parsed.ok) throw new Error(`the stored policy of ${tenantKey} v${version.version} does not parse`);
    return {
      key: parsed.policy.key,
      version: version.version,
      appliesFromCycle: version.appliesFromCycle,
      text: explainPolicy(parsed.policy),
    };
  }
}
