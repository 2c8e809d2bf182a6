import { Clock, Database, JobScheduler } from '@laurel/platform';
import type { Policy } from '@laurel/policy';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { regulationWarningDue } from '../awards.jobs';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { RegulationRepository } from './regulation.repository';
import { planExpiryWarnings } from './regulation-dates.util';

/** What a policy version changed in the warnings: jobs to schedule and to drop once the transaction commits. */
export interface WarningPlan {
  schedule: { id: string; dueAt: Date }[];
  cancel: string[];
}

/**
 * Watches each programme's regulation for its expiry: warning rows are planned in the transaction that stores
 * a policy version, their jobs scheduled after it commits, and every pending warning is re-scheduled from the
 * database at start, periodically and on demand (the platform's deadline source).
 */
@Injectable()
export class RegulationExpiryScheduler implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly warnings: RegulationRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.addDeadlineSource(async () => {
      const pending = await this.database.asSystem((tx) => this.warnings.allPending(tx));
      return pending.map((warning) => ({
        job: regulationWarningDue,
        data: { warningId: warning.id },
        runAt: warning.dueAt,
        tenantId: warning.tenantId,
      }));
    });
  }

  /**
   * In the transaction that stores `policy` as the programme's latest version: cancels pending warnings about
   * another last day (a renewed or replaced regulation) and adds this regulation's, once each.
   */
  async plan(tx: AwardsTx, programmeId: string, policyVersion: number, policy: Policy): Promise<WarningPlan> {
    const now = this.clock.now();
    const lastDay = policy.regulation.expires?.date ?? null;
    const stale = (await this.warnings.pendingOf(tx, programmeId)).filter(
      (warning) => dateColumn.toIso(warning.expiresOn) !== lastDay,
    );
    if (stale.length > 0) {
      await this.warnings.cancel(
        tx,
        stale.map((warning) => warning.id),
        now,
      );
    }
    const added = await this.warnings.add(
      tx,
      {
        programmeId,
        policyVersion,
        title: policy.regulation.title,
        documentNumber: policy.regulation.documentNumber,
      },
      planExpiryWarnings(policy, now),
    );
    return {
      schedule: added.map((warning) => ({ id: warning.id, dueAt: warning.dueAt })),
      cancel: stale.map((warning) => warning.id),
    };
  }

  /** After the commit. Should Redis fail here, re-scheduling from the database still finds the rows. */
  async apply(plan: WarningPlan): Promise<void> {
    for (const id of plan.cancel) await this.jobs.cancelCommitted(regulationWarningDue, { warningId: id });
    for (const { id, dueAt } of plan.schedule) {
      await this.jobs.scheduleCommitted(regulationWarningDue, { warningId: id }, dueAt);
    }
  }
}
