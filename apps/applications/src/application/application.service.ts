import { createHash } from 'node:crypto';
import { CalendarInputError, computeDeadline, type DeadlineUnit, shanghaiDateOf } from '@laurel/calendar';
import {
  type ApplicationStatus,
  type ApplicationTransitionPayload,
  type ApplicationView,
  type acceptanceListBody,
  applicationAcceptanceNoticed,
  applicationAccepted,
  type applicationCreateBody,
  applicationCreated,
  applicationDisqualified,
  applicationFormalReviewPassed,
  applicationHeld,
  applicationNotAccepted,
  applicationNoticeWithdrawn,
  applicationPublicityStarted,
  applicationRecommendationNoticed,
  applicationRecommended,
  applicationRefused,
  applicationReturned,
  applicationSubmitted,
  type BanCheckIdentity,
  type DeclaredFacts,
  DomainError,
  type EventContract,
  type NoticeView,
  noticeEntryState,
  noticeOpen,
  noticeWithdraw,
  type PageRequest,
  type PlanStep,
} from '@laurel/contracts';
import { AuditTrail, CalendarProvider, Clock, Database, FieldCipher, Outbox, ServiceClient } from '@laurel/platform';
import {
  type ApplicantFacts,
  type EligibilityResult,
  evaluateEligibility,
  type LegalForm,
  type OrganisationType,
  type Policy,
  type RecordedDecision,
} from '@laurel/policy';
import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import type { ApplicantRow } from '../applicant/applicant.repository';
import { ApplicantService } from '../applicant/applicant.service';
import type { ApplicationsTx, PrismaClient } from '../applications-prisma';
import { acting, notAllowed } from '../identity/actor.util';
import { MaterialRepository } from '../material/material.repository';
import { toApplicationView } from './application.mapper';
import { type ApplicationChange, ApplicationRepository, type ApplicationWithDetails } from './application.repository';
import { AwardsGateway } from './awards.gateway';
import { officeStepOf, planOf, stepOf } from './procedure-plan.util';
import { WithdrawnNoticeRepository } from './withdrawn-notice.repository';

type Decisions = Record<string, RecordedDecision>;
type StoredEligibility = ApplicationView['eligibility'];
type NoticeRef = ApplicationView['notices'][number];
type BanCheckRecord = ApplicationView['banChecks'][number];

/** The rule id under which a person decides a ban check that needs a decision. */
export const REAPPLICATION_RULE = 'reapplication';

const notFound = () => DomainError.notFound({ zh: '未找到该申报', en: 'No such application' });
const ADMISSION_RULES: ReadonlySet<string> = new Set(['applicant-kind', 'legal-form', 'organisation-type']);
const TERMINAL: ReadonlySet<string> = new Set(['refused', 'not_accepted', 'disqualified', 'accepted']);

const wrongStatus = (row: { status: string }, action: { zh: string; en: string }) =>
  DomainError.conflict(
    {
      zh: `申报当前状态为 ${row.status}，不能${action.zh}`,
      en: `The application is ${row.status}: it cannot ${action.en}`,
    },
    { status: row.status },
  );

const ruleViolation = (detail: { zh: string; en: string }, basis?: string, extensions?: Record<string, unknown>) =>
  new DomainError({ code: 'rule_violation', detail, basis, extensions });

/**
 * Applications from draft to acceptance, along exactly the steps of the cycle's pinned policy: internal publicity
 * (its working-day period must end first), submission to a recommender, the recommender's review and notice, the
 * office's formal review, the acceptance list and its notice. Notices are opened through the objections service;
 * their outcomes come back as durable events (`NoticeOutcomeConsumer`).
 */
@Injectable()
export class ApplicationService {
  private readonly logger = new Logger(ApplicationService.name);
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly applicants: ApplicantService,
    private readonly awards: AwardsGateway,
    private readonly client: ServiceClient,
    private readonly cipher: FieldCipher,
    private readonly calendar: CalendarProvider,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly materials: MaterialRepository,
    private readonly withdrawnNotices: WithdrawnNoticeRepository,
  ) {}

  // ------------------------------------------------------------------------------------------------
  // Commands

  async create(body: z.output<typeof applicationCreateBody>): Promise<ApplicationView> {
    const applicant = await this.database.inTenant((tx) => this.applicants.actable(tx, body.applicantId));
    const cycle = await this.awards.cycle(body.cycleNumber);
    if (cycle.status !== 'open') {
      throw DomainError.conflict({ zh: `第${cycle.number}届评选已结束`, en: `Cycle ${cycle.number} is closed` });
    }
    this.requireWindow(cycle);
    const policy = await this.awards.policy(cycle.policyVersion);
    const eligibility = this.evaluate(policy, applicant, body.facts, {});
    // The kinds of applicant the policy does not admit (kind, legal form, kind of organisation) are refused at once.
    const kind = eligibility.findings.find((f) => ADMISSION_RULES.has(f.ruleId) && f.outcome === 'fail');
    if (kind) {
      throw new DomainError({
        code: 'rule_violation',
        detail: kind.reason,
        basis: `${policy.key} ${kind.basis}`,
        fields: [{ field: 'body.applicantId', reason: kind.reason }],
      });
    }
    const ban = await this.banCheck(applicant, cycle.number, 'application');
    const id = await this.database.inTenant(async (tx) => {
      const first = await this.applications.ofApplicant(tx, applicant.id, cycle.number);
      if (first) throw duplicate(first.id, cycle.number);
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
          if ((error as { code?: string }).code === 'P2002') throw duplicate(null, cycle.number);
          throw error;
        });
      const full = await this.require(tx, row.id);
      await this.record(tx, full, { to: 'draft', action: 'create', event: applicationCreated });
      return row.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<ApplicationView> {
    const row = await this.database.inTenant((tx) => this.applications.find(tx, id));
    if (!row || !this.maySee(row)) throw notFound();
    return toApplicationView(row);
  }

  /** A page of the applications the caller may see (the office all; an applicant its own; a recommender its). */
  async list(request: { cycleNumber?: number } & PageRequest) {
    const { cycleNumber, ...page } = request;
    const { rows, next } = await this.database.inTenant((tx) =>
      this.applications.page(tx, { cycleNumber, viewer: acting() }, page),
    );
    return { applications: rows.filter((row) => this.maySee(row)).map(withoutHistory), next };
  }

  async updateFacts(id: string, facts?: DeclaredFacts, attestations?: Record<string, { statement: string }>) {
    const row = await this.load(id, 'applicant');
    if (row.status !== 'draft' && row.status !== 'returned') {
      throw wrongStatus(row, { zh: '修改申报信息', en: 'be changed' });
    }
    const policy = await this.awards.policy(row.policyVersion);
    const nextFacts = facts ?? (row.facts as DeclaredFacts);
    await this.database.inTenant(async (tx) => {
      // Read again under the lock: submitted or decided on meanwhile, the change is judged on that.
      const fresh = await this.applications.findLocked(tx, id);
      if (!fresh || (fresh.status !== 'draft' && fresh.status !== 'returned')) {
        throw wrongStatus(fresh ?? row, { zh: '修改申报信息', en: 'be changed' });
      }
      const eligibility = this.evaluate(policy, fresh.applicant, nextFacts, decisionsOf(fresh));
      await this.applications.update(tx, id, {
        facts: nextFacts,
        ...(attestations ? { attestations } : {}),
        eligibility,
        updatedAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'application.update-facts',
        targetType: 'application',
        targetId: id,
        after: { facts: nextFacts, outcome: eligibility.outcome },
      });
    });
    return this.get(id);
  }

  /** A person's decision on a rule the policy leaves to people: who, when, why. */
  async decide(id: string, ruleId: string, outcome: 'pass' | 'fail', reason: string) {
    const row = await this.load(id, 'office');
    if (TERMINAL.has(row.status)) throw wrongStatus(row, { zh: '记录认定', en: 'take a decision' });
    if (ruleId === REAPPLICATION_RULE) return this.decideReapplication(row, outcome, reason);
    const policy = await this.awards.policy(row.policyVersion);
    const undecided = this.evaluate(policy, row.applicant, row.facts as DeclaredFacts, {});
    const finding = undecided.findings.find((f) => f.ruleId === ruleId);
    if (finding?.outcome !== 'needs_decision') {
      throw new DomainError({
        code: 'rule_violation',
        detail: {
          zh: '只有办法交由人工认定的条件才能记录认定',
          en: 'Only a condition the regulation leaves to people can be decided by a person',
        },
        basis: finding ? `${policy.key} ${finding.basis}` : undefined,
        fields: [
          { field: 'body.ruleId', reason: { zh: '不是待人工认定的条件', en: 'is not a condition to be decided' } },
        ],
      });
    }
    const who = acting();
    const decision = { outcome, decidedBy: who.label ?? 'unknown', decidedAt: this.clock.now().toISOString(), reason };
    await this.database.inTenant(async (tx) => {
      // Merged into the decisions as they are now: another rule decided meanwhile is kept, not overwritten.
      const fresh = await this.applications.findLocked(tx, id);
      if (!fresh || TERMINAL.has(fresh.status))
        throw wrongStatus(fresh ?? row, { zh: '记录认定', en: 'take a decision' });
      const decisions: Decisions = { ...decisionsOf(fresh), [ruleId]: decision };
      const eligibility = this.evaluate(policy, fresh.applicant, fresh.facts as DeclaredFacts, decisions);
      await this.applications.update(tx, id, {
        decisions: decisions as unknown as Record<string, string>,
        eligibility,
        updatedAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'application.decide',
        targetType: 'application',
        targetId: id,
        basis: `${policy.key} ${finding.basis}`,
        after: { ruleId, outcome, reason },
      });
    });
    return this.get(id);
  }

  /** Internal publicity inside the applicant: the period is computed from the policy on the official calendar. */
  async startPublicity(id: string, startedOn: string, evidence: string) {
    const row = await this.load(id, 'applicant');
    const step = stepOf(row.plan as PlanStep[], 'internal_publicity');
    if (!step?.notice?.count || !step.notice.unit) {
      throw ruleViolation(
        { zh: '本办法未规定申报单位内部公示', en: 'This regulation has no internal publicity' },
        undefined,
      );
    }
    if (row.status !== 'draft') throw wrongStatus(row, { zh: '开始内部公示', en: 'start internal publicity' });
    this.requireEligible(row.eligibility as StoredEligibility);
    requireBanSettled(row);
    const basis = `${row.policyKey} ${step.notice.basis}`;
    let deadline: ReturnType<typeof computeDeadline>;
    try {
      deadline = computeDeadline(
        { start: startedOn, count: step.notice.count, unit: step.notice.unit as DeadlineUnit, policy: { basis } },
        this.calendar.calendar,
      );
    } catch (error) {
      if (error instanceof CalendarInputError) {
        throw DomainError.validation([
          { field: 'body.startedOn', reason: { zh: '日期超出可计算范围', en: 'is outside the calendar’s range' } },
        ]);
      }
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
    await this.transition(id, 'internal_publicity', {
      from: ['draft'],
      action: 'start-publicity',
      event: applicationPublicityStarted,
      stage: step.stage,
      basis,
      change: { publicity },
    });
    return this.get(id);
  }

  /** Submits to a recommender: not before internal publicity ended (where the policy has it), nor while ineligible. */
  async submit(id: string, recommenderId: string) {
    const row = await this.load(id, 'applicant');
    const plan = row.plan as PlanStep[];
    const publicityStep = stepOf(plan, 'internal_publicity');
    const allowed = publicityStep ? ['internal_publicity', 'returned'] : ['draft', 'returned'];
    if (row.status === 'draft' && publicityStep) {
      throw ruleViolation(
        {
          zh: '须先在申报单位内部公示',
          en: 'The application must first be shown inside the applicant (internal publicity)',
        },
        publicityStep.basis,
      );
    }
    if (!allowed.includes(row.status)) throw wrongStatus(row, { zh: '提交', en: 'be submitted' });
    const publicity = row.publicity as ApplicationView['publicity'];
    if (publicityStep && publicity && this.clock.now() < new Date(publicity.endsAt)) {
      throw ruleViolation(
        {
          zh: `内部公示期至${publicity.lastDay}止，期满后方可提交`,
          en: `Internal publicity runs until ${publicity.lastDay}: the application can be submitted after it ends`,
        },
        publicity.basis,
        { lastDay: publicity.lastDay, endsAt: publicity.endsAt },
      );
    }
    this.requireEligible(row.eligibility as StoredEligibility);
    requireBanSettled(row);
    // The cycle's application window binds the first submission; a returned application may be corrected later.
    if (row.status !== 'returned') this.requireWindow(await this.awards.cycle(row.cycleNumber));
    const target = stepOf(plan, 'recommendation') ?? stepOf(plan, 'submission') ?? plan[0];
    const noStateSecrets = (await this.awards.policy(row.policyVersion)).conduct.noStateSecrets;
    await this.transition(id, 'submitted', {
      from: allowed as ApplicationStatus[],
      action: 'submit',
      event: applicationSubmitted,
      stage: target?.stage ?? null,
      basis: target?.basis ?? null,
      change: { recommenderId },
      check: async (tx) => {
        const recommender = await tx.recommender.findUnique({ where: { id: recommenderId } });
        if (!recommender) {
          throw DomainError.validation([
            {
              field: 'body.recommenderId',
              reason: { zh: '不是本辖区的推荐单位', en: 'is not a recommender of this jurisdiction' },
            },
          ]);
        }
        // Materials go out with the statement that they hold no state secret (where the policy has the article),
        // and are frozen: later changes are new versions.
        if (noStateSecrets && (await this.materials.countOf(tx, id)) > 0) {
          const current = await this.require(tx, id);
          if (!current.stateSecretStatement) {
            throw new DomainError({
              code: 'rule_violation',
              detail: {
                zh: '提交前须声明申报材料不涉及国家秘密',
                en: 'Before submission, the applicant must state that its materials contain no state secret',
              },
              basis: `${row.policyKey} ${noStateSecrets}`,
              fields: [
                {
                  field: 'stateSecretStatement',
                  reason: { zh: '尚未声明', en: 'has not been made' },
                },
              ],
            });
          }
        }
        await this.materials.freezeOf(tx, id, this.clock.now());
      },
    });
    return this.get(id);
  }

  /** The recommender's review: recommend with an audit opinion (and its notice), return, or refuse with reasons. */
  async review(id: string, decision: 'recommend' | 'return' | 'refuse', text: string, publishedOn?: string) {
    const row = await this.load(id, 'recommender');
    if (row.status !== 'submitted') throw wrongStatus(row, { zh: '审核', en: 'be reviewed' });
    const who = acting();
    const plan = row.plan as PlanStep[];
    const step = stepOf(plan, 'recommendation');
    const recommendation = { decision, text, by: who.label, at: this.clock.now().toISOString() };
    if (decision === 'return') {
      await this.transition(id, 'returned', {
        from: ['submitted'],
        action: 'return',
        event: applicationReturned,
        reason: text,
        change: { recommendation },
      });
    } else if (decision === 'refuse') {
      await this.transition(id, 'refused', {
        from: ['submitted'],
        action: 'refuse',
        event: applicationRefused,
        reason: text,
        basis: step?.basis ?? null,
        change: { recommendation, outcome: this.outcome('refused', text, step?.basis ?? null) },
      });
    } else if (step?.notice) {
      // One notice per submission: a retry of this review finds the same notice, while a review after a return and
      // a new submission opens a new one rather than getting back one that may have closed meanwhile.
      const submissions = row.history.filter((event) => event.toStatus === 'submitted').length;
      const notice = await this.openNotice(
        row,
        step,
        publishedOn,
        '拟推荐申报质量奖',
        `applications:recommendation:${row.id}:${submissions}`,
      );
      await this.recordOnNotice(id, 'recommendation_notice', notice, {
        from: ['submitted'],
        action: 'recommend',
        event: applicationRecommendationNoticed,
        stage: step.stage,
        reason: text,
        basis: step.basis,
        change: { recommendation },
        unrecorded: '推荐审核未能记录，此公示撤回 / the review could not be recorded',
      });
    } else {
      await this.transition(id, 'recommended', {
        from: ['submitted'],
        action: 'recommend',
        event: applicationRecommended,
        stage: step?.stage ?? row.stage,
        reason: text,
        basis: step?.basis ?? null,
        change: { recommendation },
      });
    }
    return this.get(id);
  }

  /** The office's formal review: eligibility settled and the ban checked again, or not accepted with reasons. */
  async formalReview(id: string, decision: 'pass' | 'not_accept', reasons: string) {
    const row = await this.load(id, 'office');
    if (row.status !== 'recommended') throw wrongStatus(row, { zh: '形式审查', en: 'be formally reviewed' });
    const plan = row.plan as PlanStep[];
    const step = officeStepOf(plan);
    if (decision === 'not_accept') {
      await this.transition(id, 'not_accepted', {
        from: ['recommended'],
        action: 'not-accept',
        event: applicationNotAccepted,
        stage: step?.stage ?? row.stage,
        reason: reasons,
        basis: step?.basis ?? null,
        change: { outcome: this.outcome('not_accepted', reasons, step?.basis ?? null) },
      });
      return this.get(id);
    }
    const policy = await this.awards.policy(row.policyVersion);
    const eligibility = this.evaluate(policy, row.applicant, row.facts as DeclaredFacts, decisionsOf(row));
    const open = eligibility.findings.filter((f) => f.outcome !== 'pass');
    if (open.length > 0) {
      throw new DomainError({
        code: 'rule_violation',
        detail: {
          zh: `尚有条件未通过或未认定：${open.map((f) => f.ruleId).join('、')}`,
          en: `Conditions not passed or not decided: ${open.map((f) => f.ruleId).join(', ')}`,
        },
        basis: open.map((f) => `${policy.key} ${f.basis}`).join('; '),
        extensions: { findings: open },
      });
    }
    requireBanSettled(row);
    const ban = await this.acceptanceBanCheck(row);
    const acceptance = stepOf(plan, 'acceptance');
    const listed = acceptance?.notice != null;
    await this.transition(id, listed ? 'formal_review_passed' : 'accepted', {
      from: ['recommended'],
      action: 'formal-review',
      event: listed ? applicationFormalReviewPassed : applicationAccepted,
      stage: step?.stage ?? row.stage,
      reason: reasons,
      basis: step?.basis ?? null,
      change: { eligibility, banChecks: [...(row.banChecks as ApplicationView['banChecks']), ban] },
    });
    return this.get(id);
  }

  /** The acceptance list (受理名单): one notice for the applications that passed formal review. */
  async publishAcceptanceList(cycleNumber: number, body: z.output<typeof acceptanceListBody>) {
    if (!acting().office) throw notAllowed();
    const rows = await this.database.inTenant((tx) =>
      this.applications.list(tx, { id: { in: body.applicationIds }, cycleNumber }),
    );
    const missing = body.applicationIds.filter((id) => !rows.some((row) => row.id === id));
    const wrong = rows.filter((row) => row.status !== 'formal_review_passed');
    if (missing.length > 0 || wrong.length > 0) {
      throw DomainError.validation([
        ...missing.map((id) => ({
          field: `body.applicationIds[${body.applicationIds.indexOf(id)}]`,
          reason: { zh: `不是第${cycleNumber}届的申报`, en: `is not an application of cycle ${cycleNumber}` },
        })),
        ...wrong.map((row) => ({
          field: `body.applicationIds[${body.applicationIds.indexOf(row.id)}]`,
          reason: { zh: `状态为 ${row.status}，未通过形式审查`, en: `is ${row.status}, not past formal review` },
        })),
      ]);
    }
    const first = rows[0];
    const step = first ? stepOf(first.plan as PlanStep[], 'acceptance') : undefined;
    if (!first || !step?.notice)
      throw ruleViolation({ zh: '本办法无受理名单公示', en: 'This regulation has no acceptance list notice' });
    if (!step.notice.count && !body.period) {
      throw DomainError.validation([
        {
          field: 'body.period',
          reason: {
            zh: '规定未给出受理名单的公示期，须由办公室设定',
            en: 'the regulation gives no period for the acceptance list: the office must set it',
          },
        },
      ]);
    }
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
      publishedOn: body.publishedOn ?? shanghaiDateOf(this.clock.now()),
      ...(body.period ? { period: body.period } : {}),
      basis: step.notice.basis,
      entries: rows.map((row) => entryOf(row, '拟受理申报')),
    });
    for (const row of rows) {
      // A row that cannot be recorded withdraws the list, and the applications already on it go back with it (its
      // event); the office publishes the list again.
      await this.recordOnNotice(row.id, 'acceptance_notice', notice, {
        from: ['formal_review_passed'],
        action: 'acceptance-list',
        event: applicationAcceptanceNoticed,
        stage: step.stage,
        basis: step.basis,
        unrecorded: '受理名单未能全部记录，此公示撤回 / the list could not be recorded',
      });
    }
    return {
      noticeId: notice.id,
      applications: (
        await this.database.inTenant((tx) => this.applications.list(tx, { id: { in: body.applicationIds } }))
      ).map(withoutHistory),
    };
  }

  // ------------------------------------------------------------------------------------------------
  // Outcomes of notices and objections (durable events from the objections service)

  /** The notice closed with no pending objection: the application moves on. */
  async noticePassed(tx: ApplicationsTx, applicationId: string, noticeId: string): Promise<void> {
    // Each kind of outcome has its own consumer: the row lock makes them take turns, each seeing the last one's result.
    const row = await this.applications.findLocked(tx, applicationId);
    if (!row || !this.isCurrentNotice(row, noticeId)) return;
    await this.advanceAfterNotice(tx, row, noticeId, 'passed');
  }

  /** The notice closed with objections pending: the application waits (with the count the objections service has now). */
  async noticeHeld(tx: ApplicationsTx, applicationId: string, noticeId: string, entryId: string): Promise<void> {
    const row = await this.applications.findLocked(tx, applicationId);
    if (!row || !this.isCurrentNotice(row, noticeId)) return;
    await this.settleFromEntry(tx, row, noticeId, entryId);
  }

  /** An objection decided: upheld on a prohibited ground disqualifies; otherwise a held application may go on. */
  async objectionDecided(
    tx: ApplicationsTx,
    applicationId: string,
    decided: { disqualify: boolean; reasons: string; basis: string | null; noticeId: string; entryId: string },
  ): Promise<void> {
    const row = await this.applications.findLocked(tx, applicationId);
    if (!row) return;
    // A prohibited ground disqualifies even an application its notice's close accepted a moment before: the two
    // outcomes travel on separate consumers, and the order they arrive in must not decide (ili 第二十一条).
    if (decided.disqualify && (row.status === 'accepted' || !TERMINAL.has(row.status))) {
      await this.applyTransition(tx, row, 'disqualified', {
        action: 'disqualify',
        event: applicationDisqualified,
        reason: decided.reasons,
        basis: decided.basis,
        change: { objectionsPending: 0, outcome: this.outcome('disqualified', decided.reasons, decided.basis) },
      });
      return;
    }
    if (TERMINAL.has(row.status) || !this.isCurrentNotice(row, decided.noticeId)) return;
    await this.settleFromEntry(tx, row, decided.noticeId, decided.entryId);
  }

  /**
   * A notice withdrawn: recorded, so that no step records it afterwards (the event may come before the step that
   * would have put an application on it), and each application on it goes back to the step before it.
   */
  async noticeWithdrawn(
    tx: ApplicationsTx,
    notice: { noticeId: string; reason: string; withdrawnAt: Date },
    applicationIds: readonly string[],
  ): Promise<void> {
    await this.withdrawnNotices.record(tx, notice);
    for (const applicationId of applicationIds) {
      const row = await this.applications.findLocked(tx, applicationId);
      if (!row || !this.isCurrentNotice(row, notice.noticeId)) continue;
      const back = row.status === 'recommendation_notice' ? 'submitted' : 'formal_review_passed';
      await this.applyTransition(tx, row, back, {
        action: 'notice-withdrawn',
        event: applicationNoticeWithdrawn,
        reason: notice.reason,
        change: { objectionsPending: 0, notices: setOutcome(row, notice.noticeId, 'withdrawn') },
      });
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Internals

  private async advanceAfterNotice(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    noticeId: string,
    outcome: string,
  ): Promise<void> {
    const notices = setOutcome(row, noticeId, outcome);
    if (row.status === 'recommendation_notice') {
      await this.applyTransition(tx, row, 'recommended', {
        action: 'recommendation-notice-passed',
        event: applicationRecommended,
        change: { objectionsPending: 0, notices },
      });
    } else if (row.status === 'acceptance_notice') {
      await this.applyTransition(tx, row, 'accepted', {
        action: 'acceptance-notice-passed',
        event: applicationAccepted,
        change: { objectionsPending: 0, notices },
      });
    }
  }

  /**
   * Holds or releases an application from its notice entry's state as the objections service has it now, so the
   * outcome does not depend on the order in which the close and the decisions arrive: an open notice decides
   * nothing yet (its close will); objections still pending hold it; none pending lets it go on.
   */
  private async settleFromEntry(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    noticeId: string,
    entryId: string,
  ): Promise<void> {
    const state = await this.client.request(noticeEntryState, { entryId });
    if (!state.closed) return;
    if (state.objectionsPending === 0) {
      await this.advanceAfterNotice(tx, { ...row, objectionsPending: 0 }, noticeId, 'passed');
      return;
    }
    const notices = row.notices as NoticeRef[];
    const alreadyHeld =
      row.objectionsPending === state.objectionsPending &&
      notices.find((n) => n.noticeId === noticeId)?.outcome === 'objections_pending';
    if (alreadyHeld) return;
    await this.applyTransition(tx, row, row.status as ApplicationStatus, {
      action: 'held',
      event: applicationHeld,
      reason: `${state.objectionsPending} objection(s) pending`,
      change: { objectionsPending: state.objectionsPending, notices: setOutcome(row, noticeId, 'objections_pending') },
    });
  }

  /**
   * Records the step that puts an application on a notice just opened (its stage, from `spec.stage`). Under the
   * application's lock a notice withdrawn meanwhile is refused; if the step fails, the notice is withdrawn
   * (`spec.unrecorded` is the reason the public reads) rather than left public for nothing.
   */
  private async recordOnNotice(
    id: string,
    to: ApplicationStatus,
    notice: NoticeView,
    spec: TransitionSpec & { from: readonly ApplicationStatus[]; stage: string; unrecorded: string },
  ): Promise<void> {
    const { unrecorded, change, ...step } = spec;
    try {
      await this.transition(id, to, {
        ...step,
        change: (locked) => ({
          ...change,
          notices: [...(locked.notices as NoticeRef[]), noticeRef(spec.stage, notice)],
        }),
        check: (tx) => this.requireNotWithdrawn(tx, notice.id),
      });
    } catch (error) {
      await this.withdrawUnrecorded(id, notice.id, unrecorded);
      throw error;
    }
  }

  /** Under the application's lock: a notice withdrawn meanwhile is not recorded on it (the step answers 409). */
  private async requireNotWithdrawn(tx: ApplicationsTx, noticeId: string): Promise<void> {
    const withdrawn = await this.withdrawnNotices.find(tx, noticeId);
    if (!withdrawn) return;
    throw DomainError.conflict(
      { zh: `该公示已撤回：${withdrawn.reason}`, en: `The notice was withdrawn meanwhile: ${withdrawn.reason}` },
      { noticeId, withdrawnAt: withdrawn.withdrawnAt.toISOString() },
    );
  }

  /**
   * A notice opened for a step whose transition then failed is public for nothing: it is withdrawn, unless the
   * application is on it after all (a concurrent identical request recorded the step with the same notice).
   */
  private async withdrawUnrecorded(id: string, noticeId: string, reason: string): Promise<void> {
    try {
      const current = await this.database.inTenant((tx) => this.applications.find(tx, id));
      if ((current?.notices as NoticeRef[] | undefined)?.some((n) => n.noticeId === noticeId)) return;
      await this.client.request(noticeWithdraw, { id: noticeId, reason });
    } catch (error) {
      this.logger.warn(`notice ${noticeId} opened for application ${id} could not be withdrawn: ${String(error)}`);
    }
  }

  private isCurrentNotice(row: ApplicationWithDetails, noticeId: string): boolean {
    if (row.status !== 'recommendation_notice' && row.status !== 'acceptance_notice') return false;
    const notices = row.notices as NoticeRef[];
    return notices.at(-1)?.noticeId === noticeId;
  }

  private async openNotice(
    row: ApplicationWithDetails,
    step: PlanStep,
    publishedOn: string | undefined,
    proposal: string,
    reference: string,
  ): Promise<NoticeView> {
    return this.client.request(noticeOpen, {
      reference,
      cycleNumber: row.cycleNumber,
      policyVersion: row.policyVersion,
      stage: step.stage,
      title: `${row.recommender?.name ?? ''}推荐公示：${row.applicant.name}`,
      publishedOn: publishedOn ?? shanghaiDateOf(this.clock.now()),
      ...(step.notice ? { basis: step.notice.basis } : {}),
      entries: [entryOf(row, proposal)],
    });
  }

  private evaluate(
    policy: Policy,
    applicant: ApplicantRow,
    declared: DeclaredFacts,
    decisions: Decisions,
  ): StoredEligibility {
    const facts: ApplicantFacts = {
      kind: applicant.kind as ApplicantFacts['kind'],
      ...(applicant.legalForm ? { legalForm: applicant.legalForm as LegalForm } : {}),
      ...(applicant.organisationType ? { organisationType: applicant.organisationType as OrganisationType } : {}),
      ...(applicant.fourNewField !== null ? { inFourNewField: applicant.fourNewField } : {}),
      ...(applicant.yearsInQualityWork !== null ? { yearsInQualityWork: applicant.yearsInQualityWork } : {}),
      ...declared,
      decisions,
    };
    const asOf = shanghaiDateOf(this.clock.now());
    const result: EligibilityResult = evaluateEligibility(policy, facts, { asOf });
    return {
      outcome: result.outcome,
      asOf,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        outcome: f.outcome,
        basis: f.basis,
        reason: f.reason,
        ...(f.missingFacts ? { missingFacts: [...f.missingFacts] } : {}),
        ...(f.decision ? { decision: f.decision } : {}),
      })),
    };
  }

  /** Failing or missing conditions stop the application with their articles. */
  private requireEligible(eligibility: StoredEligibility): void {
    const blocking = eligibility.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'missing');
    if (blocking.length === 0) return;
    const failed = blocking.filter((f) => f.outcome === 'fail');
    const shown = failed.length > 0 ? failed : blocking;
    throw new DomainError({
      code: 'rule_violation',
      detail: {
        zh: `不符合申报条件：${shown.map((f) => f.reason.zh).join('；')}`,
        en: `Not eligible: ${shown.map((f) => f.reason.en).join('; ')}`,
      },
      basis: shown.map((f) => f.basis).join('; '),
      extensions: { findings: shown },
    });
  }

  private async banCheck(applicant: ApplicantRow, cycleNumber: number, step: string) {
    const identity: BanCheckIdentity =
      applicant.kind === 'organisation'
        ? { kind: 'organisation', creditCode: applicant.creditCode ?? '' }
        : { kind: 'individual', idNumber: this.cipher.decrypt(applicant.idNumberCipher ?? '') };
    const result = await this.awards.banCheck(identity, cycleNumber);
    if (result.outcome === 'refused') {
      throw new DomainError({
        code: 'rule_violation',
        detail: {
          zh: result.findings.map((f) => f.reason.zh).join('；'),
          en: result.findings.map((f) => f.reason.en).join('; '),
        },
        basis: result.findings
          .map((f) => f.basis)
          .filter(Boolean)
          .join('; '),
        extensions: { allowedFrom: result.allowedFrom },
      });
    }
    const record: BanCheckRecord = { at: result.checkedAt, step, outcome: result.outcome, basis: result.basis };
    if (result.outcome === 'needs_decision') {
      const open = result.findings.filter((f) => f.outcome === 'needs_decision');
      record.reasons = {
        zh: open.map((f) => f.reason.zh).join('；'),
        en: open.map((f) => f.reason.en).join('; '),
      };
    }
    return record;
  }

  private outcome(status: string, reasons: string, basis: string | null) {
    return { status, reasons, basis, by: acting().label, at: this.clock.now().toISOString() };
  }

  /** Loads an application the acting user may act on in this role. */
  private async load(id: string, as: 'office' | 'applicant' | 'recommender'): Promise<ApplicationWithDetails> {
    const row = await this.database.inTenant((tx) => this.applications.find(tx, id));
    if (!row || !this.maySee(row)) throw notFound();
    const who = acting();
    const may =
      as === 'office'
        ? who.office
        : as === 'applicant'
          ? who.office || this.isOwn(row)
          : who.recommender && this.isRecommenderOf(row);
    if (!may) throw notAllowed();
    return row;
  }

  private async require(tx: ApplicationsTx, id: string): Promise<ApplicationWithDetails> {
    const row = await this.applications.find(tx, id);
    if (!row) throw notFound();
    return row;
  }

  private maySee(row: ApplicationWithDetails): boolean {
    const who = acting();
    return who.office || (who.applicant && this.isOwn(row)) || (who.recommender && this.isRecommenderOf(row));
  }

  private isOwn(row: ApplicationWithDetails): boolean {
    const who = acting();
    return who.userId !== null && row.applicant.accountUserId === who.userId;
  }

  private isRecommenderOf(row: ApplicationWithDetails): boolean {
    const who = acting();
    return who.userId !== null && (row.recommender?.userIds.includes(who.userId) ?? false);
  }

  /**
   * Locks, re-reads, checks the status did not move (it must still be one of `from`: of two concurrent requests
   * only the first goes through, the second gets 409), then applies the transition.
   */
  private async transition(
    id: string,
    to: ApplicationStatus,
    spec: Omit<TransitionSpec, 'change'> & {
      from: readonly ApplicationStatus[];
      check?: (tx: ApplicationsTx) => Promise<void>;
      /** The change, or how to make it from the row as read under the lock. */
      change?: ApplicationChange | ((locked: ApplicationWithDetails) => ApplicationChange);
    },
  ): Promise<void> {
    await this.database.inTenant(async (tx) => {
      await this.applications.lock(tx, id);
      const row = await this.require(tx, id);
      if (!spec.from.includes(row.status as ApplicationStatus)) {
        throw wrongStatus(row, { zh: `变为 ${to}`, en: `move to ${to}` });
      }
      await spec.check?.(tx);
      const change = typeof spec.change === 'function' ? spec.change(row) : spec.change;
      await this.applyTransition(tx, row, to, { ...spec, change });
    });
  }

  /** The cycle's application window (Asia/Shanghai dates, inclusive): outside it, 409 with the dates. */
  private requireWindow(cycle: { number: number; opensOn: string; closesOn: string }): void {
    const today = shanghaiDateOf(this.clock.now());
    if (today >= cycle.opensOn && today <= cycle.closesOn) return;
    const early = today < cycle.opensOn;
    throw DomainError.conflict(
      early
        ? {
            zh: `第${cycle.number}届申报自${cycle.opensOn}开始`,
            en: `Applications to cycle ${cycle.number} open on ${cycle.opensOn}`,
          }
        : {
            zh: `第${cycle.number}届申报已于${cycle.closesOn}截止`,
            en: `Applications to cycle ${cycle.number} closed on ${cycle.closesOn}`,
          },
      { opensOn: cycle.opensOn, closesOn: cycle.closesOn, today },
    );
  }

  /** A person's decision on the ban check that awaits one (who, when, why). */
  private async decideReapplication(row: ApplicationWithDetails, outcome: 'pass' | 'fail', reason: string) {
    const checks = row.banChecks as BanCheckRecord[];
    const index = checks.findLastIndex((c) => c.outcome === 'needs_decision' && !c.decision);
    const pending = checks[index];
    if (!pending) {
      throw new DomainError({
        code: 'rule_violation',
        detail: {
          zh: '没有待人工认定的再次申报检查',
          en: 'No re-application check awaits a person’s decision',
        },
        fields: [
          { field: 'body.ruleId', reason: { zh: '不是待人工认定的条件', en: 'is not a condition to be decided' } },
        ],
      });
    }
    const decision = {
      outcome,
      decidedBy: acting().label ?? 'unknown',
      decidedAt: this.clock.now().toISOString(),
      reason,
    };
    const next = checks.map((c, i) => (i === index ? { ...c, decision } : c));
    await this.database.inTenant(async (tx) => {
      await this.applications.lock(tx, row.id);
      await this.applications.update(tx, row.id, { banChecks: next, updatedAt: this.clock.now() });
      await this.audit.record(tx, {
        action: 'application.decide',
        targetType: 'application',
        targetId: row.id,
        basis: pending.basis.zh,
        after: { ruleId: REAPPLICATION_RULE, step: pending.step, outcome, reason },
      });
    });
    return this.get(row.id);
  }

  /**
   * The ban check again at acceptance. Needing a person's decision, it is recorded and the formal review waits
   * (422) until the office decides; an earlier decision on an acceptance check stands.
   */
  private async acceptanceBanCheck(row: ApplicationWithDetails): Promise<BanCheckRecord> {
    const ban = await this.banCheck(row.applicant, row.cycleNumber, 'acceptance');
    if (ban.outcome !== 'needs_decision') return ban;
    const checks = row.banChecks as BanCheckRecord[];
    const decided = checks.findLast((c) => c.step === 'acceptance' && c.outcome === 'needs_decision' && c.decision);
    if (decided?.decision) {
      const withDecision = { ...ban, decision: decided.decision };
      const against = banUnsettled({ banChecks: [withDecision] });
      if (against) throw against;
      return withDecision;
    }
    const last = checks.at(-1);
    if (!(last?.step === 'acceptance' && last.outcome === 'needs_decision')) {
      await this.database.inTenant(async (tx) => {
        await this.applications.lock(tx, row.id);
        await this.applications.update(tx, row.id, { banChecks: [...checks, ban], updatedAt: this.clock.now() });
      });
    }
    throw banUnsettled({ banChecks: [ban] }) ?? new Error('a ban check needing a decision must stop the review');
  }

  private async applyTransition(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    to: ApplicationStatus,
    spec: TransitionSpec,
  ): Promise<void> {
    const now = this.clock.now();
    const stage = spec.stage === undefined ? row.stage : spec.stage;
    if (row.status !== to || spec.change) {
      await this.applications.update(tx, row.id, { ...spec.change, status: to, stage, updatedAt: now });
    }
    await this.record(tx, { ...row, stage }, { ...spec, to, from: row.status });
  }

  private async record(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    spec: TransitionSpec & { to: ApplicationStatus; from?: string | null },
  ): Promise<void> {
    const now = this.clock.now();
    const who = acting();
    const payload: ApplicationTransitionPayload = {
      applicationId: row.id,
      applicant: {
        id: row.applicant.id,
        kind: row.applicant.kind as 'organisation' | 'individual',
        name: row.applicant.name,
      },
      cycleNumber: row.cycleNumber,
      from: spec.from ?? null,
      to: spec.to,
      stage: row.stage,
      reason: spec.reason ?? null,
      basis: spec.basis ?? null,
      actor: who.label,
      at: now.toISOString(),
    };
    await this.applications.addHistory(tx, {
      applicationId: row.id,
      action: spec.action,
      fromStatus: payload.from,
      toStatus: spec.to,
      reason: payload.reason,
      basis: payload.basis,
      actor: payload.actor,
      at: now,
    });
    await this.outbox.add(tx, spec.event, payload);
    await this.audit.record(tx, {
      action: `application.${spec.action}`,
      targetType: 'application',
      targetId: row.id,
      basis: payload.basis ?? undefined,
      before: payload.from ? { status: payload.from } : null,
      after: { status: spec.to, stage: row.stage, reason: payload.reason },
    });
  }
}

interface TransitionSpec {
  action: string;
  event: EventContract;
  stage?: string | null;
  reason?: string | null;
  basis?: string | null;
  change?: ApplicationChange;
}

/** An application as lists show it: without its history. */
const withoutHistory = (row: ApplicationWithDetails) => {
  const { history: _history, ...view } = toApplicationView(row);
  return view;
};

const decisionsOf = (row: { decisions: unknown }): Decisions => row.decisions as Decisions;

/**
 * A ban check that needs a person's decision stops the application until the office records one (rule id
 * `reapplication`); a decision against it stops it for good.
 */
function requireBanSettled(row: { banChecks: unknown }): void {
  const unsettled = banUnsettled(row);
  if (unsettled) throw unsettled;
}

function banUnsettled(row: { banChecks: unknown }): DomainError | null {
  const open = (row.banChecks as BanCheckRecord[]).filter(
    (c) => c.outcome === 'needs_decision' && c.decision?.outcome !== 'pass',
  );
  const check = open.at(-1);
  if (!check) return null;
  const decidedAgainst = check.decision?.outcome === 'fail';
  return new DomainError({
    code: 'rule_violation',
    detail: decidedAgainst
      ? {
          zh: `经人工认定不得再次申报：${check.decision?.reason ?? ''}`,
          en: `A person decided the applicant may not apply again: ${check.decision?.reason ?? ''}`,
        }
      : {
          zh: `能否再次申报须由人工认定（${check.reasons?.zh ?? check.basis.zh}），认定前申报不能继续`,
          en: `Whether the applicant may apply again needs a person’s decision (${check.reasons?.en ?? check.basis.en}); the application waits until then`,
        },
    basis: check.basis.zh,
    extensions: { ruleId: REAPPLICATION_RULE, banCheck: check },
  });
}

const duplicate = (firstId: string | null, cycleNumber: number) =>
  new DomainError({
    code: 'conflict',
    detail: {
      zh: `该申报者已有第${cycleNumber}届的申报${firstId ? `（${firstId}）` : ''}，每届只能申报一次`,
      en: `The applicant already has an application in cycle ${cycleNumber}${firstId ? ` (${firstId})` : ''}: one per cycle`,
    },
    extensions: { existingApplicationId: firstId },
  });

const noticeRef = (stage: string, notice: NoticeView): NoticeRef => ({
  stage,
  noticeId: notice.id,
  lastDay: notice.deadline.lastDay,
  closesAt: notice.deadline.closesAt,
  outcome: null,
});

const setOutcome = (row: ApplicationWithDetails, noticeId: string, outcome: string): NoticeRef[] =>
  (row.notices as NoticeRef[]).map((n) => (n.noticeId === noticeId ? { ...n, outcome } : n));

const entryOf = (row: ApplicationWithDetails, proposal: string) => ({
  subjectKind: row.applicant.kind as 'organisation' | 'individual',
  subjectId: row.applicant.id,
  subjectName: row.applicant.name,
  proposal,
  applicationId: row.id,
  ...(row.recommender ? { recommender: { id: row.recommender.id, name: row.recommender.name } } : {}),
});
