import type { z } from 'zod';

/**
 * A BullMQ job declared once: queue `<service>-<purpose>`, name `<aggregate>.<event>`, its data schema
 * and a deterministic id `<aggregate>:<id>:<kind>` so that scheduling twice is harmless.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly queue: string;
  readonly name: string;
  readonly data: S;
  jobId(data: z.output<S>): string;
}

export type JobDataOf<J extends JobDefinition> = z.output<J['data']>;

const QUEUE = /^[a-z][a-z0-9]*-[a-z][a-z0-9-]*$/;
const NAME = /^[a-z][a-zA-Z0-9-]*\.[a-z][a-zA-Z0-9-]*$/;
const ID = /^[^:]+:[^:]+:[^:]+$/;

export function defineJob<S extends z.ZodType>(spec: {
  queue: string;
  name: string;
  data: S;
  jobId: (data: z.output<S>) => string;
}): JobDefinition<S> {
  if (!QUEUE.test(spec.queue)) throw new Error(`queue ${spec.queue} is not <service>-<purpose>`);
  if (!NAME.test(spec.name)) throw new Error(`job ${spec.name} is not <aggregate>.<event>`);
  return Object.freeze({
    ...spec,
    jobId: (data: z.output<S>) => {
      const id = spec.jobId(data);
      if (!ID.test(id)) throw new Error(`job id ${id} is not <aggregate>:<id>:<kind>`);
      return id;
    },
  });
}
