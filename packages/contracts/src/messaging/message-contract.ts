import type { z } from 'zod';

/**
 * A NATS request/reply subject with its schemas. `scope: 'tenant'` subjects are refused without a tenant;
 * `scope: 'platform'` ones (health, tenant registry, calendar) run outside any tenant.
 */
export interface MessageContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly subject: string;
  readonly kind: 'command' | 'query';
  readonly scope: 'tenant' | 'platform';
  readonly request: Req;
  readonly response: Res;
}

export type RequestOf<C extends MessageContract> = z.input<C['request']>;
export type ParsedRequestOf<C extends MessageContract> = z.output<C['request']>;
export type ResponseOf<C extends MessageContract> = z.output<C['response']>;

const SUBJECT = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

function define<Req extends z.ZodType, Res extends z.ZodType>(
  kind: 'command' | 'query',
  subject: string,
  spec: { scope?: 'tenant' | 'platform'; request: Req; response: Res },
): MessageContract<Req, Res> {
  if (!SUBJECT.test(subject)) throw new Error(`subject ${subject} is not <service>.<aggregate>.<verb>`);
  return Object.freeze({
    subject,
    kind,
    scope: spec.scope ?? 'tenant',
    request: spec.request,
    response: spec.response,
  });
}

/** A command changes state: `<service>.<aggregate>.<verb>`. */
export const defineCommand = <Req extends z.ZodType, Res extends z.ZodType>(
  subject: string,
  spec: { scope?: 'tenant' | 'platform'; request: Req; response: Res },
) => define('command', subject, spec);

/** A query reads state: `<service>.<aggregate>.<verb>`. */
export const defineQuery = <Req extends z.ZodType, Res extends z.ZodType>(
  subject: string,
  spec: { scope?: 'tenant' | 'platform'; request: Req; response: Res },
) => define('query', subject, spec);
