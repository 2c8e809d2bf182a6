import {
  noticeEntryObjectionsPending,
  noticeEntryPassed,
  noticeWithdrawn,
  objectionDismissed,
  objectionRefused,
  objectionUpheld,
} from '@laurel/contracts';
import { defineConsumer } from '@laurel/platform';

/** A notice entry passed with no objection pending: the application moves on. */
export const advanceWhenNoticePassed = defineConsumer({
  consumer: 'applications-notice-entry-passed',
  event: noticeEntryPassed,
});
/** A notice closed with objections pending on the entry: the application waits. */
export const holdWhenObjectionsPending = defineConsumer({
  consumer: 'applications-notice-entry-objections-pending',
  event: noticeEntryObjectionsPending,
});
/** A notice withdrawn: its applications go back to the step before it. */
export const returnWhenNoticeWithdrawn = defineConsumer({
  consumer: 'applications-notice-withdrawn',
  event: noticeWithdrawn,
});
/** An objection upheld: what it does is the policy's (ili 第二十一条: on a prohibited ground, disqualified). */
export const disqualifyWhenObjectionUpheld = defineConsumer({
  consumer: 'applications-objection-upheld',
  event: objectionUpheld,
});
/** An objection dismissed: a held application goes on. */
export const releaseWhenObjectionDismissed = defineConsumer({
  consumer: 'applications-objection-dismissed',
  event: objectionDismissed,
});
/** An objection refused on examination (e.g. after the notice closed): a held application goes on. */
export const releaseWhenObjectionRefused = defineConsumer({
  consumer: 'applications-objection-refused',
  event: objectionRefused,
});

/** Every durable consumer the applications service runs. */
export const applicationsConsumers = [
  advanceWhenNoticePassed,
  holdWhenObjectionsPending,
  returnWhenNoticeWithdrawn,
  disqualifyWhenObjectionUpheld,
  releaseWhenObjectionDismissed,
  releaseWhenObjectionRefused,
] as const;

/** Notices this service opened carry a reference starting with this; outcomes of others are not ours. */
export const OWN_NOTICE_PREFIX = 'applications:';

/** An outcome of one of our notices' entries, naming its application. */
export const isOwnEntry = (payload: {
  reference: string | null;
  applicationId: string | null;
}): payload is { reference: string; applicationId: string } =>
  payload.reference?.startsWith(OWN_NOTICE_PREFIX) === true && payload.applicationId !== null;
