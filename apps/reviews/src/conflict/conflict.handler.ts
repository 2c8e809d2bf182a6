import {
  type ConflictDecisionBody,
  type ConflictDeclareBody,
  type ConflictSettingsBody,
  conflictDecide,
  conflictDeclare,
  conflictDeclareParty,
  conflictGet,
  conflictList,
  conflictSettingsGet,
  conflictSettingsPut,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import type { ConflictFilter } from './conflict.repository';
import { ConflictService } from './conflict.service';
import { PartyRecusal } from './party-recusal.service';

@Controller()
export class ConflictHandler {
  constructor(
    private readonly conflicts: ConflictService,
    private readonly parties: PartyRecusal,
  ) {}

  @Handles(conflictList)
  list(request: ConflictFilter & { after?: string; limit?: number }) {
    const { after, limit, ...filter } = request;
    return this.conflicts.list(filter, { after, limit });
  }

  @Handles(conflictGet)
  get(request: { id: string }) {
    return this.conflicts.get(request.id);
  }

  @Handles(conflictDecide)
  decide(request: ConflictDecisionBody & { id: string }) {
    const { id, ...body } = request;
    return this.conflicts.decide(id, body);
  }

  @Handles(conflictDeclare)
  declare(request: ConflictDeclareBody) {
    return this.conflicts.declare(request);
  }

  @Handles(conflictDeclareParty)
  declareParty(request: ConflictDeclareBody) {
    return this.parties.declare(request);
  }

  @Handles(conflictSettingsGet)
  settings() {
    return this.conflicts.settings();
  }

  @Handles(conflictSettingsPut)
  putSettings(request: ConflictSettingsBody) {
    return this.conflicts.putSettings(request);
  }
}
