import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import type { PlannedWarning } from './regulation-dates.util';

export interface WarningRegulation {
  programmeId: string;
  policyVersion: number;
  title: { zh: string; en: string };
  documentNumber: string | null;
}

/** Regulation-expiry warnings: one row per warning, the truth the BullMQ jobs are rebuilt from. */
@Injectable()
export class RegulationRepository {
  pendingOf(tx: AwardsTx, programmeId: string) {
    return tx.regulationWarning.findMany({ where: { programmeId, firedAt: null, cancelledAt: null } });
  }

  /** Every tenant's pending warnings (the system role: re-scheduling). */
  allPending(tx: AwardsTx) {
    return tx.regulationWarning.findMany({ where: { firedAt: null, cancelledAt: null } });
  }

  /** Adds the planned warnings that do not exist yet (same programme, last day, kind and threshold). */
  add(tx: AwardsTx, regulation: WarningRegulation, planned: PlannedWarning[]) {
    const tenantId = RequestContexts.requireTenant();
    return tx.regulationWarning.createManyAndReturn({
      data: planned.map((warning) => ({
        id: randomUUID(),
        tenantId,
        programmeId: regulation.programmeId,
        policyVersion: regulation.policyVersion,
        titleZh: regulation.title.zh,
        titleEn: regulation.title.en,
        documentNumber: regulation.documentNumber,
        kind: warning.kind,
        daysBefore: warning.daysBefore,
        expiresOn: dateColumn.fromIso(warning.expiresOn),
        dueAt: warning.dueAt,
        basis: warning.basis,
      })),
      skipDuplicates: true,
    });
  }

  cancel(tx: AwardsTx, ids: string[], at: Date) {
    return tx.regulationWarning.updateMany({ where: { id: { in: ids }, firedAt: null }, data: { cancelledAt: at } });
  }

  byId(tx: AwardsTx, id: string) {
    return tx.regulationWarning.findUnique({ where: { id } });
  }

  markFired(tx: AwardsTx, id: string, at: Date) {
    return tx.regulationWarning.update({ where: { id }, data: { firedAt: at } });
  }
}
