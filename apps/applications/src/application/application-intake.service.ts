import { CalendarInputError, computeDeadline, type DeadlineUnit, shanghaiDateOf } from '@laurel/calendar';
import type { ApplicationView, applicationCreateBody, DeclaredFacts, PlanStep } from '@laurel/contracts';
import { CalendarProvider, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { ApplicantService } from '../applicant/applicant.service';
import type { PrismaClient } from '../applications-prisma';
import { acting } from '../identity/actor.util';
import {
  cycleClosed,
  dateOutOfRange,
  duplicateApplication,
  noInternalPublicity,
  notAdmitted,
  outsideWindow,
} from './application.errors';
import { ApplicationRepository } from './application.repository';
import { ApplicationEligibility, requireBanSettled, type StoredEligibility } from './application-eligibility.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTransitions, requireAllowed } from './application-transitions.service';
import { AwardsGateway } from './awards.gateway';
import { planOf, stepOf } from './procedure-plan.util';

/** Findings that decide whether a kind of applicant is admitted at all (refused at creation). */
const ADMISSION_RULES: ReadonlySet<string> = new Set(['applicant-kind', 'legal-form', 'organisation-type']);

/**
 * Intake: an application is started within its cycle's window on the cycle's pinned policy, its declared facts are
 * corrected while it is a draft or returned, and its internal publicity (where the policy has one) is started.
 */
@Injectable()
export class ApplicationIntake {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly applicants: ApplicantService,
    private readonly awards: AwardsGateway,
    private readonly eligibility: ApplicationEligibility,
    private readonly transitions: ApplicationTransitions,
    private readonly reader: ApplicationReader,
    private readonly calendar: CalendarProvider,
    private readonly clock: Clock,
  ) {}

  async create(body: z.output<typeof applicationCreateBody>): Promise<ApplicationView> {
    const applicant = await this.database.inTenant((tx) => this.applicants.actable(tx, body.applicantId));
    const cycle = await this.awards.cycle(body.cycleNumber);
    if (cycle.status !== 'open') throw cycleClosed(cycle.number);
    requireWindow(cycle, shanghaiDateOf(this.clock.now()));
    const policy = await this.awards.policy(cycle.policyVersion);
    const eligibility = this.eligibility.evaluate(policy, applicant, body.facts, {});
    // The kinds of applicant the policy does not admit (kind, legal form, kind of organisation) are refused at once.
    const kind = eligibility.findings.find((f) => ADMISSION_RULES.has(f.ruleId) && f.outcome === 'fail');
    if (kind) throw notAdmitted(policy.key, kind);
    const ban = await this.eligibility.banCheck(applicant, cycle.number, 'application');
    const id = await this.database.inTenant(async (tx) => {
      const first = await this.applications.ofApplicant(tx, applicant.id, cycle.number);
      if (first) throw duplicateApplication(first.id, cycle.number);
      const now = this.clock.now();
      const row = await this.applications
        .create(tx, {
          applicantId: applicant.id,
          cycleNumber: cycle.number,
          cycleYear: cycle.year,
          policyKey: policy.key,
          policyVersion: cycle.policyVersion,
          plan: planOf(policy),
          status: 'draft',
          stage: null,
          facts: body.facts,
          attestations: body.attestations,
          decisions: {},
          eligibility,
          banChecks: [ban],
          createdBy: acting().userId,
          createdAt: now,
          updatedAt: now,
        })
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === 'P2002') throw duplicateApplication(null, cycle.number);
          throw error;
        });
      await this.transitions.created(tx, row.id);
      return row.id;
    });
    return this.reader.get(id);
  }

  /** Declared facts (and attestations) corrected, eligibility evaluated again on the row as it is under the lock. */
  async updateFacts(id: string, facts?: DeclaredFacts, attestations?: Record<string, { statement: string }>) {
    const row = await this.reader.load(id, 'applicant');
    requireAllowed(row, 'update-facts');
    const policy = await this.awards.policy(row.policyVersion);
    await this.transitions.run(id, 'update-facts', {
      change: (locked) => {
        const nextFacts = facts ?? locked.facts;
        const eligibility = this.eligibility.evaluate(policy, locked.applicant, nextFacts, locked.decisions);
        return { facts: nextFacts, ...(attestations ? { attestations } : {}), eligibility };
      },
      audited: (change) => ({
        facts: change?.facts,
        outcome: (change?.eligibility as StoredEligibility | undefined)?.outcome,
      }),
    });
    return this.reader.get(id);
  }

  /** Internal publicity inside the applicant: the period is computed from the policy on the official calendar. */
  async startPublicity(id: string, startedOn: string, evidence: string) {
    const row = await this.reader.load(id, 'applicant');
    const step = stepOf(row.plan, 'internal_publicity');
    if (!step?.notice?.count || !step.notice.unit) throw noInternalPublicity();
    requireAllowed(row, 'start-publicity');
    const basis = `${row.policyKey} ${step.notice.basis}`;
    let deadline: ReturnType<typeof computeDeadline>;
    try {
      deadline = computeDeadline(
        { start: startedOn, count: step.notice.count, unit: step.notice.unit as DeadlineUnit, policy: { basis } },
        this.calendar.calendar,
      );
    } catch (error) {
      if (error instanceof CalendarInputError) throw dateOutOfRange('body.startedOn');
      throw error;
    }
    const publicity = {
      startedOn,
      evidence,
      lastDay: deadline.lastDay,
      endsAt: deadline.endsAtDate.toISOString(),
      provisional: deadline.provisional,
      basis: deadline.basis,
    };
    await this.transitions.run(id, 'start-publicity', {
      stage: step.stage,
      basis,
      guard: (_tx, locked) => {
        this.eligibility.requireEligible(locked.eligibility);
        requireBanSettled(locked);
      },
      change: { publicity },
    });
    return this.reader.get(id);
  }
}

/** The cycle's application window (Asia/Shanghai dates, inclusive): outside it, 409 with the dates. */
export function requireWindow(cycle: { number: number; opensOn: string; closesOn: string }, today: string): void {
  if (today < cycle.opensOn || today > cycle.closesOn) throw outsideWindow(cycle, today);
}
