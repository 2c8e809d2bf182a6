import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageContract, RequestOf, ResponseOf } from '@laurel/contracts';
import { bootstrapService, type Clock, type RequestContext, type RunningService } from '@laurel/platform';
import { type LaunchPolicyKey, launchPoliciesDirectory } from '@laurel/policy';
import type { TestInfrastructure } from '@laurel/testing';
import { awardsServiceDefinition } from '../src/awards.service-definition';
import type { PrismaClient } from '../src/awards-prisma';

export type AwardsService = RunningService<PrismaClient>;

/** The awards service in this process, on the test file's own database, Redis prefix and NATS subjects. */
export function startAwards(infra: TestInfrastructure, clock?: Clock): Promise<AwardsService> {
  return bootstrapService(awardsServiceDefinition, { env: infra.env(), clock });
}

/** A request context as the gateway sends it. */
export const as = (tenantId: string, role: 'office' | 'operator' = 'office'): RequestContext => ({
  tenantId,
  correlationId: randomUUID(),
  actor:
    role === 'operator'
      ? { userId: 'operator-1', roles: [], operator: true }
      : { userId: `office-of-${tenantId.slice(0, 8)}`, roles: ['office'], operator: false },
});

/** Sends a command or query to the service over NATS as the gateway would. */
export const caller =
  (sut: () => AwardsService) =>
  <C extends MessageContract>(contract: C, payload: RequestOf<C>, context: RequestContext): Promise<ResponseOf<C>> =>
    sut().runtime.client.request(contract, payload, { context });

/** A launch jurisdiction's policy document, as the JSON file holds it. */
export const launchDocument = (key: LaunchPolicyKey): Record<string, unknown> =>
  JSON.parse(readFileSync(join(launchPoliciesDirectory(), `${key}.json`), 'utf8')) as Record<string, unknown>;

/** The made-up sixth jurisdiction of @laurel/policy's tests. */
export const sixthDocument = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../packages/policy/test-fixtures/sixth-jurisdiction.json'), 'utf8'),
  ) as Record<string, unknown>;

/** The events a tenant's changes wrote to the outbox, oldest first. */
export async function outboxEvents(
  sut: AwardsService,
  tenantId: string,
  subject: string,
): Promise<Record<string, unknown>[]> {
  const rows = await sut.runtime.database.system.$queryRawUnsafe<{ payload: Record<string, unknown> }[]>(
    'SELECT payload FROM outbox_message WHERE tenant_id = $1::uuid AND subject = $2 ORDER BY created_at, id',
    tenantId,
    subject,
  );
  return rows.map((row) => row.payload);
}

/** A tenant's audit entries, in order. */
export function auditEntries(sut: AwardsService, tenantId: string) {
  return sut.runtime.database.system.$queryRawUnsafe<
    { action: string; basis: string | null; target_type: string; after: Record<string, unknown> | null }[]
  >('SELECT action, basis, target_type, after FROM audit_entry WHERE tenant_id = $1::uuid ORDER BY seq', tenantId);
}
