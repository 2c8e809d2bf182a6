import { awardDecided } from '@laurel/contracts';
import { defineConsumer } from '@laurel/platform';

/**
 * An award decided (表彰决定): each winner's entitlement, the amount the pinned policy gives, obligated on the ledger
 * of the budget year the policy names (rule obligate-when-award-decided). The awards service does not publish this
 * event yet.
 */
export const obligateWhenAwardDecided = defineConsumer({
  consumer: 'funds-award-decided',
  event: awardDecided,
});

/** Every durable consumer the funds service runs. */
export const fundsConsumers = [obligateWhenAwardDecided] as const;
