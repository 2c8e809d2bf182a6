import {
  noticeEntryObjectionsPending,
  noticeEntryPassed,
  noticeWithdrawn,
  objectionDismissed,
  objectionRefused,
  objectionUpheld,
  type PayloadOf,
} from '@laurel/contracts';
import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ApplicationsTx, PrismaClient } from '../applications-prisma';
import { ApplicationService } from './application.service';

/** Notices this service opened carry a reference starting with this; others are not ours. */
const OURS = 'applications:';
const ours = (payload: {
  reference: string | null;
  applicationId: string | null;
}): payload is { reference: string; applicationId: string } =>
  payload.reference?.startsWith(OURS) === true && payload.applicationId !== null;

/**
 * Durable consumers of the objections service's outcomes: a notice entry passed or held with pending objections, a
 * notice withdrawn (its applications go back to the step before it),
 * an objection upheld (disqualifying on a prohibited ground), dismissed, or refused on examination (a held
 * application goes on as when dismissed, e.g. refused after the notice closed). Each event is recorded in the inbox in
 * the transaction of its effect.
 */
@Injectable()
export class NoticeOutcomeConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly applications: ApplicationService,
  ) {}

  onModuleInit(): void {
    this.consumers.register<typeof noticeEntryPassed>({
      consumer: 'applications-notice-entry-passed',
      event: noticeEntryPassed,
      handle: async (tx, payload) => {
        if (ours(payload)) await this.applications.noticePassed(tx, payload.applicationId, payload.noticeId);
      },
    });
    this.consumers.register<typeof noticeEntryObjectionsPending>({
      consumer: 'applications-notice-entry-objections-pending',
      event: noticeEntryObjectionsPending,
      handle: async (tx, payload) => {
        if (ours(payload)) {
          await this.applications.noticeHeld(tx, payload.applicationId, payload.noticeId, payload.entryId);
        }
      },
    });
    this.consumers.register<typeof noticeWithdrawn>({
      consumer: 'applications-notice-withdrawn',
      event: noticeWithdrawn,
      handle: async (tx, payload) => {
        if (!payload.reference?.startsWith(OURS)) return;
        await this.applications.noticeWithdrawn(
          tx,
          { noticeId: payload.noticeId, reason: payload.reason, withdrawnAt: new Date(payload.withdrawnAt) },
          payload.entries.flatMap((entry) => (entry.applicationId ? [entry.applicationId] : [])),
        );
      },
    });
    this.consumers.register<typeof objectionUpheld>({
      consumer: 'applications-objection-upheld',
      event: objectionUpheld,
      handle: (tx, payload) => this.decided(tx, payload, payload.disqualify),
    });
    this.consumers.register<typeof objectionDismissed>({
      consumer: 'applications-objection-dismissed',
      event: objectionDismissed,
      handle: (tx, payload) => this.decided(tx, payload, false),
    });
    this.consumers.register<typeof objectionRefused>({
      consumer: 'applications-objection-refused',
      event: objectionRefused,
      handle: (tx, payload) => this.decided(tx, payload, false),
    });
  }

  /** An objection decided on one of our notices' entries; only an upheld one on a prohibited ground disqualifies. */
  private async decided(tx: ApplicationsTx, payload: PayloadOf<typeof objectionDismissed>, disqualify: boolean) {
    if (!ours(payload)) return;
    await this.applications.objectionDecided(tx, payload.applicationId, {
      disqualify,
      reasons: payload.reasons,
      basis: payload.basis,
      noticeId: payload.noticeId,
      entryId: payload.entryId,
    });
  }
}
