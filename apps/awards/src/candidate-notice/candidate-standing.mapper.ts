import type { CandidateStandingView } from '@laurel/contracts';
import type { CandidateStanding } from '../generated/prisma/client';

export const toStandingView = (row: CandidateStanding): CandidateStandingView => ({
  applicationId: row.applicationId,
  applicantName: row.applicantName,
  noticeId: row.noticeId,
  status: row.status,
  objectionId: row.objectionId,
  receiptNumber: row.receiptNumber,
  reasons: row.reasons,
  basis: row.basis,
  recordedAt: row.recordedAt.toISOString(),
});
