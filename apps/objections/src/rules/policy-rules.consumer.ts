import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { copyRulesOfNewProgramme, copyRulesOfNewVersion } from '../objections.consumers';
import type { ObjectionsTx, PrismaClient } from '../objections-prisma';
import { RulesRepository } from './rules.repository';
import { RulesService } from './rules.service';

/**
 * Records each policy version's objection rules: when the awards service creates a programme or makes a new policy
 * version, the objection, report and notice sections of that version are copied here, in the same transaction as
 * the inbox record. Every version is kept (a running cycle's notices stay on theirs); one already recorded is left.
 */
@Injectable()
export class PolicyRulesConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly rules: RulesService,
    private readonly repository: RulesRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.register(copyRulesOfNewProgramme, (tx, payload) => this.copy(tx, payload.policyVersion));
    this.consumers.register(copyRulesOfNewVersion, (tx, payload) => this.copy(tx, payload.version));
  }

  private async copy(tx: ObjectionsTx, version: number): Promise<void> {
    if (await this.repository.ofVersion(tx, version)) return;
    await this.rules.putIn(tx, await this.rules.fromAwards(version));
  }
}
