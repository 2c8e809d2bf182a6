import type { BanCheckIdentity } from '@laurel/contracts';
import type { ApplicantHistory } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { ApplicationBanRepository } from './application-ban.repository';

/** The identity's key: the credit code of an organisation, the ID number of an individual. */
export const identityValueOf = (identity: BanCheckIdentity): string =>
  identity.kind === 'organisation' ? identity.creditCode : identity.idNumber;

/**
 * The titles won and the application bans of an identity (credit code or ID number), in `checkReapplication`'s
 * shape. Bans are the ones revocations recorded; titles come with the commendation decision (not recorded in this
 * service yet, so `awards` is empty until the title model reads them here).
 */
@Injectable()
export class BanRepository {
  constructor(private readonly bans: ApplicationBanRepository) {}

  async historyOf(tx: AwardsTx, identity: BanCheckIdentity): Promise<ApplicantHistory> {
    const rows = await this.bans.ofIdentity(tx, identityValueOf(identity));
    return {
      awards: [],
      bans: rows.map((row) => ({
        startYear: row.startYear,
        length: { unit: row.unit as 'years' | 'cycles', count: row.count },
        basis: row.basis,
      })),
    };
  }
}
