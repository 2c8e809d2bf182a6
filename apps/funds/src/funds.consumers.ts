import { awardDecided, clawbackRequested } from '@laurel/contracts';
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

/**
 * An award revoked with a clawback (追缴) as its consequence: a clawback case for what was paid under the title, or
 * recorded as not opened with why (rule open-clawback-when-requested).
 */
export const openClawbackWhenRequested = defineConsumer({
  consumer: 'funds-clawback-requested',
  event: clawbackRequested,
});

/** Every durable consumer the funds service runs. */
export const fundsConsumers = [obligateWhenAwardDecided, openClawbackWhenRequested] as const;
