import { shanghaiDateOf } from '@laurel/calendar';
import { regulationExpired, regulationExpiring } from '@laurel/contracts';
import { AuditTrail, Clock, Database, JobScheduler, Outbox } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { regulationWarningDue } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { RegulationRepository } from './regulation.repository';
import { daysLeft } from './regulation-dates.util';

/**
 * Sends a regulation-expiry warning when it falls due: a durable event (`awards.regulation.expiring.v1` or
 * `awards.regulation.expired.v1`) through the outbox and an audit entry with the article. Re-reads the row
 * first: a warning already sent or cancelled is left alone, one not yet due is put back on the queue.
 */
@Injectable()
export class RegulationExpiryProcessor implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly warnings: RegulationRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.process(regulationWarningDue, (data) => this.fire(data.warningId));
  }

  async fire(warningId: string): Promise<void> {
    const notYet = await this.database.inTenant(async (tx) => {
      const warning = await this.warnings.byId(tx, warningId);
      if (!warning || warning.firedAt || warning.cancelledAt) return null;
      const now = this.clock.now();
      if (warning.dueAt > now) return warning.dueAt;
      await this.warnings.markFired(tx, warning.id, now);
      const regulation = {
        programmeId: warning.programmeId,
        policyVersion: warning.policyVersion,
        title: { zh: warning.titleZh, en: warning.titleEn },
        documentNumber: warning.documentNumber,
        lastDayInForce: dateColumn.toIso(warning.expiresOn),
        basis: warning.basis,
      };
      if (warning.kind === 'expiring') {
        const left = daysLeft(shanghaiDateOf(now), regulation.lastDayInForce);
        await this.outbox.add(tx, regulationExpiring, {
          ...regulation,
          daysBefore: warning.daysBefore,
          daysLeft: left,
        });
        await this.audit.record(tx, {
          action: 'regulation.expiring',
          targetType: 'programme',
          targetId: warning.programmeId,
          basis: warning.basis,
          after: { lastDayInForce: regulation.lastDayInForce, daysBefore: warning.daysBefore, daysLeft: left },
        });
      } else {
        await this.outbox.add(tx, regulationExpired, regulation);
        await this.audit.record(tx, {
          action: 'regulation.expired',
          targetType: 'programme',
          targetId: warning.programmeId,
          basis: warning.basis,
          after: { lastDayInForce: regulation.lastDayInForce },
        });
      }
      return null;
    });
    if (notYet) await this.jobs.schedule(regulationWarningDue, { warningId }, notYet);
  }
}
