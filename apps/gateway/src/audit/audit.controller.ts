import {
  auditEntrySchema,
  auditListContract,
  auditVerificationSchema,
  auditVerifyContract,
  DomainError,
} from '@laurel/contracts';
import { PlatformRuntime, RequestContexts, type SqlExecutor } from '@laurel/platform';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const auditQuery = z
  .object({
    service: z.string().max(40).default('gateway'),
    afterSeq: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** The office reads its jurisdiction's audit trail, service by service, and checks that it is intact. */
@Controller('tenants/:tenantKey/audit')
export class AuditController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
  ) {}

  @Get()
  @Access({ roles: ['office', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    query: auditQuery,
    tag: 'audit',
    summary: 'Audit entries of one service for this jurisdiction',
    response: z.object({ entries: z.array(auditEntrySchema) }),
    path: tenantPath,
  })
  async list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(auditQuery, 'query')) query: z.infer<typeof auditQuery>,
  ) {
    if (query.service === 'gateway') {
      const entries = await this.gatewayTrail(request, (tx) =>
        this.runtime.audit.list(tx, query.afterSeq, query.limit),
      );
      return { entries };
    }
    return this.runtime.client.request(
      auditListContract(this.service(query.service)),
      { afterSeq: query.afterSeq, limit: query.limit },
      { context: contextOf(request) },
    );
  }

  @Get('verify')
  @Access({ roles: ['office', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    query: auditQuery,
    tag: 'audit',
    summary: 'Verify the hash chain of one service’s audit trail',
    response: auditVerificationSchema,
    path: tenantPath,
  })
  verify(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(auditQuery, 'query')) query: z.infer<typeof auditQuery>,
  ) {
    if (query.service === 'gateway') return RequestContexts.run(contextOf(request), () => this.runtime.verifyAudit());
    return this.runtime.client.request(
      auditVerifyContract(this.service(query.service)),
      {},
      { context: contextOf(request) },
    );
  }

  /** The gateway's own trail is read here, in the tenant's context, without a round trip over NATS. */
  private gatewayTrail<T>(request: AuthenticatedRequest, read: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return RequestContexts.run(contextOf(request), () => this.runtime.database.inTenant(read));
  }

  private service(name: string): string {
    if (name === 'gateway' || this.services.includes(name)) return name;
    throw DomainError.validation([
      { field: 'query.service', reason: { zh: '未知的服务', en: 'is not a known service' } },
    ]);
  }
}
