import type { BanCheckIdentity, RecordedIdentity } from '@laurel/contracts';
import type { ApplicantHistory, TierKey } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { ApplicationBanRepository } from './application-ban.repository';

/** The key a case and a ban are recorded under: an organisation's credit code, an individual's applicant id. */
export const identityValueOf = (identity: RecordedIdentity): string =>
  identity.kind === 'organisation' ? identity.creditCode : identity.applicantId;

/**
 * The titles won and the application bans of an identity, in `checkReapplication`'s shape, within the tenant: an
 * organisation's by its credit code; an individual's by the applicant the applications service registered for the ID
 * number (it registers one per number and keeps the number sealed; the awards service keeps none). A revoked title is
 * no award to wait after: its revocation's ban, if the policy names one, says how long. Without the applicant an
 * individual has no history here.
 */
@Injectable()
export class BanRepository {
  constructor(private readonly bans: ApplicationBanRepository) {}

  async historyOf(tx: AwardsTx, identity: BanCheckIdentity, applicantId?: string): Promise<ApplicantHistory> {
    const key =
      identity.kind === 'organisation'
        ? identity.creditCode
        : applicantId
          ? identityValueOf({ kind: 'individual', applicantId })
          : null;
    const rows = key ? await this.bans.ofIdentity(tx, identity.kind, key) : [];
    const titles =
      identity.kind === 'organisation'
        ? await tx.title.findMany({
            where: { creditCode: identity.creditCode, status: { not: 'revoked' } },
            orderBy: [{ cycleNumber: 'asc' }, { id: 'asc' }],
          })
        : applicantId
          ? await tx.title.findMany({
              where: { applicantKind: 'individual', applicantId, status: { not: 'revoked' } },
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
