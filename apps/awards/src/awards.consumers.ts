import { candidateListPublished } from '@laurel/contracts';
import { defineConsumer } from '@laurel/platform';

/**
 * A cycle's candidate list published by the reviews service (ili 第十六条/第十七条, linxia 第二十一条 …): recorded once
 * (rule record-candidate-list); quotas, clearance, notices and decisions start from it.
 */
export const recordCandidateList = defineConsumer({
  consumer: 'awards-candidate-list-published',
  event: candidateListPublished,
});

/** Every durable consumer the awards service runs. */
export const awardsConsumers = [recordCandidateList] as const;
