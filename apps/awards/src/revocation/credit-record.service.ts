import type { CreditRecordEntry } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { RevocationRepository } from './revocation.repository';

const PUBLIC_STEPS = ['publish', 'credit_record'];

/**
 * The credit record: the applied revocations whose policy publishes them or sends them to a credit system (ili
 * 第二十八条), each with the organisation's credit code (never an individual's ID number), the decision (body and
 * 文号), its date and the articles. No evidence, no grounds' details.
 */
@Injectable()
export class CreditRecordService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly cases: RevocationRepository,
  ) {}

  async list(): Promise<{ entries: CreditRecordEntry[] }> {
    const rows = await this.database.inTenant((tx) => this.cases.applied(tx));
    const entries = rows
      .filter((row) => row.steps.some((step) => PUBLIC_STEPS.includes(step.kind)))
      .map((row) => {
        const credit = row.steps.find((step) => step.kind === 'credit_record');
        const bases = [...new Set(row.steps.filter((s) => PUBLIC_STEPS.includes(s.kind)).map((s) => s.basis))];
        return {
          applicantName: row.applicantName,
          creditCode: row.identityKind === 'organisation' ? row.identityValue : null,
          decision: `${row.approvalBody} ${row.approvalNumber}`,
          decidedOn: dateColumn.toIso(row.approvedOn as Date),
          basis: bases.join('；'),
          system: credit ? (((credit.detail as { system?: string | null }).system ?? null) as string | null) : null,
        };
      });
    return { entries };
  }
}
