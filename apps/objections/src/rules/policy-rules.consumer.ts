import { getPolicy, type PolicyVersionView, policyVersioned, programmeCreated } from '@laurel/contracts';
import { EventConsumers, ServiceClient } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ObjectionsTx, PrismaClient } from '../objections-prisma';
import { RulesRepository } from './rules.repository';
import { RulesService } from './rules.service';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keeps each tenant's objection rules in step with its policy: when the awards service creates a programme or
 * makes a new policy version, the objection, report and notice sections of that version are copied here, in
 * the same transaction as the inbox record. A version older than the copy is ignored.
 */
@Injectable()
export class PolicyRulesConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly client: ServiceClient,
    private readonly rules: RulesService,
    private readonly repository: RulesRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.register<typeof programmeCreated>({
      consumer: 'objections-programme-created',
      event: programmeCreated,
      handle: (tx, payload) => this.copy(tx, payload.policyVersion),
    });
    this.consumers.register<typeof policyVersioned>({
      consumer: 'objections-policy-versioned',
      event: policyVersioned,
      handle: (tx, payload) => this.copy(tx, payload.version),
    });
  }

  private async copy(tx: ObjectionsTx, version: number): Promise<void> {
    const current = await this.repository.find(tx);
    if (current && current.policyVersion >= version) return;
    const policy: PolicyVersionView = await this.client.request(getPolicy, { version });
    const document = policy.policy as Record<string, unknown>;
    const procedure = isObject(document.procedure) ? document.procedure : {};
    await this.rules.putIn(tx, {
      policyKey: String(document.key),
      policyVersion: policy.version,
      objections: isObject(document.objections) ? document.objections : {},
      reports: isObject(document.reports) ? document.reports : {},
      notices: Array.isArray(procedure.notices) ? (procedure.notices as Record<string, unknown>[]) : [],
    });
  }
}
