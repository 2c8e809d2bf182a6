import type { BanCheckIdentity } from '@laurel/contracts';
import type { ApplicantHistory, TierKey } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { ApplicationBanRepository } from './application-ban.repository';

/** The identity's key: the credit code of an organisation, the ID number of an individual. */
export const identityValueOf = (identity: BanCheckIdentity): string =>
  identity.kind === 'organisation' ? identity.creditCode : identity.idNumber;

/**
 * The titles won and the application bans of an identity (credit code or ID number), in `checkReapplication`'s
 * shape: the tenant's titles of an organisation by its credit code (a revoked title is no award to wait after: its
 * revocation's ban, if the policy names one, says how long), and the bans revocations recorded. Titles keep no ID
 * number, so an individual's earlier titles are not found here.
 */
@Injectable()
export class BanRepository {
  constructor(private readonly bans: ApplicationBanRepository) {}

  async historyOf(tx: AwardsTx, identity: BanCheckIdentity): Promise<ApplicantHistory> {
    const rows = await this.bans.ofIdentity(tx, identityValueOf(identity));
    const titles =
      identity.kind === 'organisation'
        ? await tx.title.findMany({
            where: { creditCode: identity.creditCode, status: { not: 'revoked' } },
            orderBy: [{ cycleNumber: 'asc' }, { id: 'asc' }],
          })
        : [];
    return {
      awards: titles.map((title) => ({
        tier: title.tier as TierKey,
        cycle: title.cycleNumber,
        year: title.year,
      })),
      bans: rows.map((row) => ({
        startYear: row.startYear,
        length:
          row.unit === 'permanent' || row.count === null
            ? { unit: 'permanent' as const }
            : { unit: row.unit as 'years' | 'cycles', count: row.count },
        basis: row.basis,
      })),
    };
  }
}
