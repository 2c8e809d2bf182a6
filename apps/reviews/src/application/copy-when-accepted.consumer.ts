import type { ApplicationTransitionPayload } from '@laurel/contracts';
import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConflictDetection } from '../conflict/conflict-detection.service';
import { copyWhenAccepted } from '../reviews.consumers';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { ReviewApplicationRepository, type ReviewApplicationRow } from './review-application.repository';

/**
 * copy-when-accepted: an accepted application is copied here (applicant, credit code, recommender) in the same
 * transaction as the inbox record, and every expert of the pool is checked against it. One already copied is left.
 */
@Injectable()
export class CopyWhenAcceptedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly applications: ReviewApplicationRepository,
    private readonly detection: ConflictDetection,
  ) {}

  onModuleInit(): void {
    this.consumers.register(copyWhenAccepted, (tx, payload) => this.copy(tx, payload));
  }

  private async copy(tx: ReviewsTx, payload: ApplicationTransitionPayload): Promise<void> {
    if (await this.applications.exists(tx, payload.applicationId)) return;
    await this.applications.insert(tx, {
      id: payload.applicationId,
      cycleNumber: payload.cycleNumber,
      applicantId: payload.applicant.id,
      applicantKind: payload.applicant.kind,
      applicantName: payload.applicant.name,
      creditCode: payload.applicant.creditCode ?? null,
      recommenderId: payload.recommender?.id ?? null,
      recommenderName: payload.recommender?.name ?? null,
      acceptedAt: new Date(payload.at),
    });
    const copied = (await this.applications.exists(tx, payload.applicationId)) as ReviewApplicationRow;
    await this.detection.forApplication(tx, copied);
  }
}
