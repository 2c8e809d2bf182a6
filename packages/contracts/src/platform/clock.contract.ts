import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/** `real`: the system's time. `virtual`: a rehearsal platform's one shared clock, moved forward by the operator. */
export const clockModeSchema = z.enum(['real', 'virtual']);
export type ClockMode = z.infer<typeof clockModeSchema>;

const instant = z.iso.datetime({ offset: true });

/**
 * The platform's time as the gateway keeps it (it stores a rehearsal's virtual time); every service on a virtual clock
 * asks it at start, retrying until the gateway answers.
 */
export const clockGetContract = defineQuery('gateway.clock.get', {
  scope: 'platform',
  request: z.object({}).strict(),
  response: z.object({ mode: clockModeSchema, now: instant }),
});

/**
 * One step of a move of the virtual clock: the service sets its clock to `now`, fires every deadline due by then and
 * waits for them, and answers how many jobs ran and the time of its next pending deadline (null: none).
 */
export const clockApplyContract = (service: string) =>
  defineCommand(`${service}.clock.apply`, {
    scope: 'platform',
    request: z.object({ now: instant }).strict(),
    response: z.object({ now: instant, fired: z.number().int().nonnegative(), next: instant.nullable() }),
  });

/**
 * The plain NATS subject (under the deployment's prefix) on which the gateway announces each instant of a move, so
 * that every instance of every service follows, not only the one that answers the step. State, not an event: an
 * instance that misses it reads the time from the gateway at start and with the next step.
 */
export const CLOCK_BROADCAST_SUBJECT = 'platform.clock.now';
