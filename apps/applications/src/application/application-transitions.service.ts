import type { ApplicationStatus, ApplicationTransitionPayload, PlanStep } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx, PrismaClient } from '../applications-prisma';
import { applicationNotFound, wrongStatus } from './application.errors';
import { type ApplicationAction, type ApplicationTransition, routeOf, transitionOf } from './application.lifecycle';
import { type ApplicationChange, ApplicationRepository, type ApplicationWithDetails } from './application.repository';

/**
 * Refuses at once (409) an action the table does not allow in the application's state as read (on the route its plan
 * gives it), before a step asks other services anything; the transition step checks again under the lock.
 */
export function requireAllowed(row: { status: ApplicationStatus; plan: PlanStep[] }, action: ApplicationAction): void {
  if (!transitionOf(action, row.status, routeOf(row.plan))) throw wrongStatus(row.status, action);
}

/** What a step adds to its row of the lifecycle table. */
export interface StepDetails {
  /** The procedure stage the application is at afterwards (omitted: unchanged). */
  stage?: string | null;
  reason?: string | null;
  /** The article the step applies, as `<policy> <article>` or the plan's basis. */
  basis?: string | null;
  /** The change, or how to make it from the row as read under the lock. */
  change?: ApplicationChange | ((locked: ApplicationWithDetails) => ApplicationChange);
  /** A rule checked under the lock, on the row as it is now; throws to refuse. */
  guard?: (tx: ApplicationsTx, locked: ApplicationWithDetails) => Promise<void> | void;
  /** For an edit (no event): what the audit entry records as the state after, or how to make it from the change. */
  audited?: Record<string, unknown> | ((change: ApplicationChange | undefined) => Record<string, unknown>);
}

/**
 * The one transition step every action of the application goes through: lock the row → read it again → guard by
 * the lifecycle table (409 naming the state otherwise) and by the step's own rule → change it → history, outbox event
 * and audit entry, all in one transaction. Of two concurrent requests only the first goes through.
 */
@Injectable()
export class ApplicationTransitions {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Takes `action` on application `id` in a transaction of its own. */
  async run(id: string, action: ApplicationAction, details: StepDetails = {}): Promise<void> {
    await this.database.inTenant(async (tx) => {
      const row = await this.applications.findLocked(tx, id);
      if (!row) throw applicationNotFound();
      await this.apply(tx, row, action, details);
    });
  }

  /** Takes `action` on a row this transaction has locked and read (event consumers, lists). */
  async apply(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    action: ApplicationAction,
    details: StepDetails = {},
  ): Promise<void> {
    const transition = transitionOf(action, row.status, routeOf(row.plan));
    if (!transition) throw wrongStatus(row.status, action);
    await details.guard?.(tx, row);
    const change = typeof details.change === 'function' ? details.change(row) : details.change;
    const to = transition.to === 'same' ? row.status : transition.to;
    const stage = details.stage === undefined ? row.stage : details.stage;
    if (row.status !== to || change || stage !== row.stage) {
      await this.applications.update(tx, row.id, { ...change, status: to, stage, updatedAt: this.clock.now() });
    }
    await this.record(tx, { ...row, stage }, transition, row.status, details, change);
  }

  /** The first transition: the new row was just written in `tx` as `draft`. */
  async created(tx: ApplicationsTx, id: string): Promise<void> {
    const row = await this.applications.find(tx, id);
    if (!row) throw applicationNotFound();
    const transition = transitionOf('create', null, routeOf(row.plan));
    if (!transition) throw applicationNotFound();
    await this.record(tx, row, transition, null, {}, undefined);
  }

  private async record(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    transition: ApplicationTransition,
    from: string | null,
    details: StepDetails,
    change: ApplicationChange | undefined,
  ): Promise<void> {
    const to = transition.to === 'same' ? row.status : transition.to;
    const basis = details.basis ?? null;
    if (!transition.event) {
      await this.audit.record(tx, {
        action: `application.${transition.action}`,
        targetType: 'application',
        targetId: row.id,
        basis: basis ?? undefined,
        after: (typeof details.audited === 'function' ? details.audited(change) : details.audited) ?? { status: to },
      });
      return;
    }
    const now = this.clock.now();
    const payload: ApplicationTransitionPayload = {
      applicationId: row.id,
      applicant: {
        id: row.applicant.id,
        kind: row.applicant.kind as 'organisation' | 'individual',
        name: row.applicant.name,
        creditCode: row.applicant.creditCode ?? null,
      },
      recommender: row.recommender ? { id: row.recommender.id, name: row.recommender.name } : null,
      cycleNumber: row.cycleNumber,
      from,
      to,
      stage: row.stage,
      reason: details.reason ?? null,
      basis,
      actor: acting().label,
      at: now.toISOString(),
    };
    await this.applications.addHistory(tx, {
      applicationId: row.id,
      action: transition.action,
      fromStatus: from,
      toStatus: to,
      reason: payload.reason,
      basis,
      actor: payload.actor,
      at: now,
    });
    await this.outbox.add(tx, transition.event, payload);
    await this.audit.record(tx, {
      action: `application.${transition.action}`,
      targetType: 'application',
      targetId: row.id,
      basis: basis ?? undefined,
      before: from ? { status: from } : null,
      after: { status: to, stage: row.stage, reason: payload.reason },
    });
  }
}
