import { DomainError, type FieldError } from '@laurel/contracts';
import { z } from 'zod';
import { addIsoDuration, parseIsoDuration } from './iso-duration.util';

/** The body of POST /operations/clock: exactly one of `advance` (an ISO 8601 duration) or `to` (an instant). */
export const moveClockBody = z
  .object({
    advance: z.string().max(40).optional().describe('How far to move, an ISO 8601 duration, e.g. `P7D`, `PT12H`'),
    to: z
      .string()
      .max(40)
      .optional()
      .describe('Where to move, an ISO 8601 date-time with its offset, e.g. `2027-03-01T09:00:00+08:00`'),
  })
  .strict();
export type MoveClockBody = z.infer<typeof moveClockBody>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const invalid = (fields: FieldError[]) => DomainError.validation(fields);

/** The time a move asks for, from the clock's time now; bad input is a 400 naming the field and the reason. */
export function targetOfMove(body: MoveClockBody, now: Date): Date {
  if ((body.advance === undefined) === (body.to === undefined)) {
    const reason = { zh: '须给出 advance 或 to 之一（且只给一个）', en: 'give exactly one of advance and to' };
    throw invalid([{ field: body.advance === undefined ? 'body.advance' : 'body.to', reason }]);
  }
  if (body.advance !== undefined) {
    const duration = parseIsoDuration(body.advance);
    if (!duration) {
      throw invalid([
        {
          field: 'body.advance',
          reason: {
            zh: '须为 ISO 8601 时长，如 P7D（7 天）、PT12H（12 小时）、P1M（1 个月）',
            en: 'must be an ISO 8601 duration, e.g. P7D (7 days), PT12H (12 hours), P1M (1 month)',
          },
        },
      ]);
    }
    return addIsoDuration(now, duration);
  }
  const to = body.to as string;
  const instant = new Date(to);
  if (!ISO_INSTANT.test(to) || Number.isNaN(instant.getTime())) {
    throw invalid([
      {
        field: 'body.to',
        reason: {
          zh: '须为带时区的 ISO 8601 时间，如 2027-03-01T09:00:00+08:00',
          en: 'must be an ISO 8601 date-time with its offset, e.g. 2027-03-01T09:00:00+08:00',
        },
      },
    ]);
  }
  return instant;
}

const instant = z.string().describe('ISO 8601 date-time (UTC)');

/** What GET /clock and GET /operations/clock answer. */
export const clockViewSchema = z.object({
  mode: z.enum(['real', 'virtual']).describe('`virtual`: a rehearsal platform; `real`: the system’s time'),
  now: instant,
  rehearsal: z.boolean().describe('Whether this is a rehearsal platform (its time is not real)'),
});

/** The operator's view adds where the rehearsal started and who last moved it. */
export const operatorClockViewSchema = clockViewSchema.extend({
  startedAt: instant.nullable(),
  movedBy: z.string().nullable(),
  movedAt: instant.nullable().describe('When it was last moved (the machine’s time)'),
  detail: z.string().describe('What this means, in the request’s language'),
});

export const serviceClockOutcomeSchema = z.object({
  service: z.string(),
  status: z.enum(['applied', 'unreachable']),
  fired: z.number().int().describe('Deadlines (jobs) it fired during the move'),
  now: instant.nullable().describe('Its clock after the move'),
  error: z.string().optional(),
});

/** What a move answers once every service has applied it and every deadline due by then has fired. */
export const moveClockAnswerSchema = z.object({
  mode: z.literal('virtual'),
  previous: instant,
  now: instant,
  steps: z
    .array(
      z.object({
        at: instant,
        fired: z.number().int(),
        firedWithinMs: z
          .number()
          .int()
          .describe('Real milliseconds from the clock reaching this instant until its last deadline had fired'),
      }),
    )
    .describe('Each instant the clock stopped at on its way, in order: every due deadline’s time, then the target'),
  services: z.array(serviceClockOutcomeSchema),
});
