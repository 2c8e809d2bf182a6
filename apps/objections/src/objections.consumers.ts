import { policyVersioned, programmeCreated } from '@laurel/contracts';
import { defineConsumer } from '@laurel/platform';

/** A programme created: its first policy version's objection, report and notice rules are copied here. */
export const copyRulesOfNewProgramme = defineConsumer({
  consumer: 'objections-programme-created',
  event: programmeCreated,
});
/** A new policy version: its rules are copied here (earlier versions stay for the cycles pinned to them). */
export const copyRulesOfNewVersion = defineConsumer({
  consumer: 'objections-policy-versioned',
  event: policyVersioned,
});

/** Every durable consumer the objections service runs. */
export const objectionsConsumers = [copyRulesOfNewProgramme, copyRulesOfNewVersion] as const;
