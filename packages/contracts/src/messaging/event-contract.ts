import type { z } from 'zod';

/** A durable event: a fact in the past tense with a version, e.g. `applications.application.submitted.v1`. */
export interface EventContract<P extends z.ZodType = z.ZodType> {
  readonly subject: string;
  readonly payload: P;
}

export type PayloadOf<E extends EventContract> = z.output<E['payload']>;

const EVENT_SUBJECT = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

export function defineEvent<P extends z.ZodType>(subject: string, payload: P): EventContract<P> {
  if (!EVENT_SUBJECT.test(subject)) throw new Error(`event ${subject} is not <service>.<aggregate>.<past-verb>.v<N>`);
  return Object.freeze({ subject, payload });
}

/** The service that owns an event or a subject: its first segment. */
export const owningService = (subject: string): string => subject.split('.')[0] ?? subject;
