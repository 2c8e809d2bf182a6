import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { identityOfRow } from '../revocation/revocation.mapper';
import { ApplicationBanRepository } from './application-ban.repository';

/** The office's list of application bans on record, with the case and the article each comes from. */
@Injectable()
export class ApplicationBanService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly bans: ApplicationBanRepository,
  ) {}

  async list() {
    const rows = await this.database.inTenant((tx) => this.bans.list(tx));
    return {
      bans: rows.map((row) => ({
        caseId: row.caseId,
        applicantName: row.applicantName,
        identity: identityOfRow(row),
        unit: row.unit as 'years' | 'cycles',
        count: row.count,
        startYear: row.startYear,
        allowedFromYear: row.allowedFromYear,
        basis: row.basis,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }
}
