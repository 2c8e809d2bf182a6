import { applicationAccepted } from '@laurel/contracts';
import { defineConsumer } from '@laurel/platform';

/**
 * An application accepted (受理): the reviews service keeps its own copy (applicant, credit code, recommender) and
 * detects every expert's conflicts with it (rule copy-when-accepted).
 */
export const copyWhenAccepted = defineConsumer({
  consumer: 'reviews-application-accepted',
  event: applicationAccepted,
});

/** Every durable consumer the reviews service runs. */
export const reviewsConsumers = [copyWhenAccepted] as const;
