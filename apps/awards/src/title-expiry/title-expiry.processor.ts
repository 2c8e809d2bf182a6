import { AuditTrail, Clock, Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { titleValidityEnds } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { TitleReader } from '../title/title.reader';
import { validityEndsAt } from './title-expiry.scheduler';
import { TitlePolicies } from './title-policies.service';
import { TitleTransitionRepository } from './title-transition.repository';

/**
 * A title's validity ends: it expires, or where the policy re-evaluates at expiry (linxia 第五条) it is put to
 * re-evaluation for the office to keep, rectify by a date, or lose. Re-reads the row: a title no longer active is left
 * alone, one not yet due is put back on the queue. The change cites the validity's article.
 */
@Injectable()
export class TitleExpiryProcessor implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly titles: TitleReader,
    private readonly transitions: TitleTransitionRepository,
    private readonly policies: TitlePolicies,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.process(titleValidityEnds, (data) => this.fire(data.titleId));
  }

  async fire(titleId: string): Promise<void> {
    const notYet = await this.database.inTenant(async (tx) => {
      const title = await this.titles.byId(tx, titleId);
      if (title?.status !== 'active' || !title.validUntil) return null;
      const validUntil = dateColumn.toIso(title.validUntil);
      const due = validityEndsAt(validUntil);
      const now = this.clock.now();
      if (due > now) return due;
      const policy = await this.policies.of(tx, title.policyVersion);
      const reEvaluate = policy.tiers.find((tier) => tier.key === title.tier)?.validity?.onExpiry === 're_evaluation';
      const action = reEvaluate ? 'open_re_evaluation' : 'expire';
      const to = await this.transitions.apply(tx, {
        titleId,
        action,
        from: 'active',
        reason: `有效期至${validUntil}届满`,
        basis: title.validityBasis,
        actor: null,
        at: now,
      });
      await this.audit.record(tx, {
        action: reEvaluate ? 'title.re_evaluation_opened' : 'title.expired',
        targetType: 'title',
        targetId: titleId,
        basis: title.validityBasis,
        before: { status: 'active' },
        after: { status: to, validUntil },
      });
      return null;
    });
    if (notYet) await this.jobs.schedule(titleValidityEnds, { titleId }, notYet);
  }
}
