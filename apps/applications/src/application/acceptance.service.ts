import { createHash } from 'node:crypto';
import {
  type ApplicationView,
  type acceptanceListBody,
  type DeclaredFacts,
  noticeOpen,
  type PlanStep,
} from '@laurel/contracts';
import { Clock, Database, ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { PrismaClient } from '../applications-prisma';
import { acting } from '../identity/actor.util';
import {
  acceptancePeriodRequired,
  conditionsOpen,
  noAcceptanceNotice,
  notAllowed,
  notOnAcceptanceList,
} from './application.errors';
import { toApplicationListItem } from './application.mapper';
import { ApplicationRepository } from './application.repository';
import { ApplicationEligibility, requireBanSettled } from './application-eligibility.service';
import { ApplicationNotices, entryOf } from './application-notices.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTransitions, requireAllowed } from './application-transitions.service';
import { AwardsGateway } from './awards.gateway';
import { outcomeRecord } from './outcome-record.util';
import { officeStepOf, stepOf } from './procedure-plan.util';

/**
 * The office's formal review (eligibility settled, the ban checked again) and the acceptance list (受理名单): one
 * notice for the applications that passed it, or acceptance at once where the policy has no such notice.
 */
@Injectable()
export class AcceptanceService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly reader: ApplicationReader,
    private readonly awards: AwardsGateway,
    private readonly eligibility: ApplicationEligibility,
    private readonly transitions: ApplicationTransitions,
    private readonly notices: ApplicationNotices,
    private readonly client: ServiceClient,
    private readonly clock: Clock,
  ) {}

  async formalReview(id: string, decision: 'pass' | 'not_accept', reasons: string) {
    const row = await this.reader.load(id, 'office');
    requireAllowed(row, 'formal-review');
    const plan = row.plan;
    const step = officeStepOf(plan);
    const stage = step?.stage ?? row.stage;
    const basis = step?.basis ?? null;
    if (decision === 'not_accept') {
      await this.transitions.run(id, 'not-accept', {
        stage,
        reason: reasons,
        basis,
        change: { outcome: outcomeRecord('not_accepted', reasons, basis, this.clock.now()) },
      });
      return this.reader.get(id);
    }
    const policy = await this.awards.policy(row.policyVersion);
    const eligibility = this.eligibility.evaluate(policy, row.applicant, row.facts, row.decisions);
    const open = eligibility.findings.filter((f) => f.outcome !== 'pass');
    if (open.length > 0) throw conditionsOpen(policy.key, open);
    requireBanSettled(row);
    const ban = await this.eligibility.acceptanceBanCheck(row);
    const listed = stepOf(plan, 'acceptance')?.notice != null;
    await this.transitions.run(id, listed ? 'formal-review' : 'formal-review-accept', {
      stage,
      reason: reasons,
      basis,
      change: (locked) => ({ eligibility, banChecks: [...locked.banChecks, ban] }),
    });
    return this.reader.get(id);
  }

  /** The acceptance list (受理名单): one notice for the applications that passed formal review. */
  async publishAcceptanceList(cycleNumber: number, body: z.output<typeof acceptanceListBody>) {
    if (!acting().office) throw notAllowed();
    const rows = await this.database.inTenant((tx) =>
      this.applications.list(tx, { id: { in: body.applicationIds }, cycleNumber }),
    );
    const indexOf = (id: string) => body.applicationIds.indexOf(id);
    const missing = body.applicationIds.filter((id) => !rows.some((row) => row.id === id));
    const wrong = rows.filter((row) => row.status !== 'formal_review_passed');
    if (missing.length > 0 || wrong.length > 0) {
      throw notOnAcceptanceList(
        cycleNumber,
        missing.map((id) => ({ index: indexOf(id) })),
        wrong.map((row) => ({ index: indexOf(row.id), status: row.status })),
      );
    }
    const first = rows[0];
    const step = first ? stepOf(first.plan, 'acceptance') : undefined;
    if (!first || !step?.notice) throw noAcceptanceNotice();
    if (!step.notice.count && !body.period) throw acceptancePeriodRequired();
    const digest = createHash('sha256')
      .update([...body.applicationIds].sort().join(','))
      .digest('hex')
      .slice(0, 16);
    const notice = await this.client.request(noticeOpen, {
      reference: `applications:acceptance:${cycleNumber}:${digest}`,
      cycleNumber,
      policyVersion: first.policyVersion,
      stage: step.stage,
      title: `第${cycleNumber}届受理名单公示`,
      publishedOn: body.publishedOn ?? this.notices.today(),
      ...(body.period ? { period: body.period } : {}),
      basis: step.notice.basis,
      entries: rows.map((row) => entryOf(row, '拟受理申报')),
    });
    for (const row of rows) {
      // A row that cannot be recorded withdraws the list, and the applications already on it go back with it (its
      // event); the office publishes the list again.
      await this.notices.record(row.id, 'acceptance-list', notice, {
        stage: step.stage,
        basis: step.basis,
        unrecorded: '受理名单未能全部记录，此公示撤回 / the list could not be recorded',
      });
    }
    const listed = await this.database.inTenant((tx) =>
      this.applications.list(tx, { id: { in: body.applicationIds } }),
    );
    return { noticeId: notice.id, applications: listed.map(toApplicationListItem) };
  }
}
