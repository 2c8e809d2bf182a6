import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/**
 * The official calendar years the operator has loaded (each an official schedule document, validated by
 * @laurel/calendar). The gateway owns them; every service reads them at start and on every load.
 */
export const calendarListContract = defineQuery('gateway.calendar.list', {
  scope: 'platform',
  request: z.object({}).strict(),
  response: z.object({ schedules: z.array(z.unknown()) }),
});

/** Published when the operator loads (or replaces) a year's official schedule. */
export const calendarYearLoaded = defineEvent(
  'gateway.calendar.year-loaded.v1',
  z.object({ year: z.number().int(), source: z.string() }),
);

export const movedDeadlineSchema = z.object({
  service: z.string(),
  kind: z.string(),
  id: z.string(),
  tenantId: z.string().nullable(),
  previousLastDay: z.string(),
  lastDay: z.string(),
  endsAt: z.string(),
  provisional: z.boolean(),
});
export type MovedDeadline = z.infer<typeof movedDeadlineSchema>;

/** Every service applies a new calendar at once and recomputes its stored deadlines, reporting those that moved. */
export const calendarApplyContract = (service: string) =>
  defineCommand(`${service}.calendar.apply`, {
    scope: 'platform',
    request: z.object({ schedules: z.array(z.unknown()) }).strict(),
    response: z.object({ moved: z.array(movedDeadlineSchema) }),
  });
