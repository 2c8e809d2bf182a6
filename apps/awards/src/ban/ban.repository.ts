import type { BanCheckIdentity } from '@laurel/contracts';
import type { ApplicantHistory } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';

/**
 * The titles won and the application bans of an identity (credit code or ID number). The awards service records
 * neither yet (decisions, revocations and bans are a later issue): every identity has an empty history. When
 * they are recorded, this is the one place that reads them, in `checkReapplication`'s shape.
 */
@Injectable()
export class BanRepository {
  async historyOf(_tx: AwardsTx, _identity: BanCheckIdentity): Promise<ApplicantHistory> {
    return { awards: [], bans: [] };
  }
}
