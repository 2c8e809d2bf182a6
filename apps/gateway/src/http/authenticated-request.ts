import type { Actor } from '@laurel/contracts';
import type { RequestContext } from '@laurel/platform';
import type { FastifyRequest } from 'fastify';

export interface TenantRef {
  id: string;
  key: string;
  status: 'active' | 'suspended';
}

/** What the guards learnt about a request: who it is and, for tenant routes, which tenant. */
export interface Principal {
  actor: Actor;
  /** tenant id → roles held in it. */
  memberships: Record<string, string[]>;
}

export type AuthenticatedRequest = FastifyRequest & {
  principal?: Principal;
  tenant?: TenantRef;
  /** A write with an Idempotency-Key: the key its commands are recorded under in the services (`command_receipt`). */
  commandKey?: string;
};

/** The request context sent with every NATS message for this request. */
export function contextOf(request: AuthenticatedRequest): RequestContext {
  return {
    tenantId: request.tenant?.id ?? null,
    correlationId: request.id,
    actor: request.principal?.actor ?? null,
    commandKey: request.commandKey ?? null,
  };
}
