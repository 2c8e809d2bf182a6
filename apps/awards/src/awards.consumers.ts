import {
  candidateListPublished,
  noticeEntryObjectionsPending,
  objectionDismissed,
  objectionRefused,
  objectionUpheld,
  performanceEvaluationRecorded,
} from '@laurel/contracts';
import { defineConsumer } from '@laurel/platform';

/**
 * A cycle's candidate list published by the reviews service (ili 第十六条/第十七条, linxia 第二十一条 …): recorded once
 * (rule record-candidate-list); quotas, clearance, notices and decisions start from it.
 */
export const recordCandidateList = defineConsumer({
  consumer: 'awards-candidate-list-published',
  event: candidateListPublished,
});

/** A candidate notice closed with objections pending on the entry: the candidate is held at approval. */
export const holdCandidateWhenObjectionsPending = defineConsumer({
  consumer: 'awards-notice-entry-objections-pending',
  event: noticeEntryObjectionsPending,
});
/** An objection upheld on a candidate notice's entry: the candidate is removed. */
export const removeCandidateWhenObjectionUpheld = defineConsumer({
  consumer: 'awards-objection-upheld',
  event: objectionUpheld,
});
/** An objection dismissed: a held candidate goes on. */
export const releaseCandidateWhenObjectionDismissed = defineConsumer({
  consumer: 'awards-objection-dismissed',
  event: objectionDismissed,
});
/** An objection refused on examination: a held candidate goes on. */
export const releaseCandidateWhenObjectionRefused = defineConsumer({
  consumer: 'awards-objection-refused',
  event: objectionRefused,
});

/**
 * The grant's performance evaluation recorded by funds (inner-mongolia 第十九条): the title's requested evaluation
 * duty is fulfilled (rule fulfil-evaluation-duty-when-evaluated).
 */
export const fulfilEvaluationDutyWhenEvaluated = defineConsumer({
  consumer: 'awards-performance-evaluation-recorded',
  event: performanceEvaluationRecorded,
});

/** Every durable consumer the awards service runs. */
export const awardsConsumers = [
  recordCandidateList,
  holdCandidateWhenObjectionsPending,
  removeCandidateWhenObjectionUpheld,
  releaseCandidateWhenObjectionDismissed,
  releaseCandidateWhenObjectionRefused,
  fulfilEvaluationDutyWhenEvaluated,
] as const;

/** Notices the awards service opened carry a reference starting with this; outcomes of others are not ours. */
export const AWARDS_NOTICE_PREFIX = 'awards:';

/** An outcome of one of the awards service's notices' entries, naming its candidate (application). */
export const isAwardsEntry = <T extends { reference: string | null; applicationId: string | null }>(
  payload: T,
): payload is T & { reference: string; applicationId: string } =>
  payload.reference?.startsWith(AWARDS_NOTICE_PREFIX) === true && payload.applicationId !== null;
