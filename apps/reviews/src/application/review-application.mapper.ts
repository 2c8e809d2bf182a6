import type { ReviewApplicationView } from '@laurel/contracts';
import type { ReviewApplicationRow } from './review-application.repository';

export function toReviewApplicationView(row: ReviewApplicationRow): ReviewApplicationView {
  return {
    id: row.id,
    cycleNumber: row.cycleNumber,
    applicant: {
      id: row.applicantId,
      kind: row.applicantKind as 'organisation' | 'individual',
      name: row.applicantName,
      creditCode: row.creditCode,
    },
    recommender: row.recommenderId ? { id: row.recommenderId, name: row.recommenderName ?? '' } : null,
    acceptedAt: row.acceptedAt.toISOString(),
  };
}
