import { randomUUID } from 'node:crypto';
import { actorSchema, Headers } from '@laurel/contracts';
import { type MsgHdrs, headers as natsHeaders } from '@nats-io/transport-node';
import type { RequestContext } from '../context/request-context';

const COMMAND_KEY = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Writes the request context into NATS headers. */
export function contextToHeaders(context: RequestContext): MsgHdrs {
  const h = natsHeaders();
  if (context.tenantId) h.set(Headers.tenantId, context.tenantId);
  h.set(Headers.correlationId, context.correlationId);
  if (context.actor) h.set(Headers.actor, JSON.stringify(context.actor));
  if (context.commandKey) h.set(Headers.commandKey, context.commandKey);
  return h;
}

/** Reads the request context from NATS headers; a malformed tenant or actor counts as absent. */
export function contextFromHeaders(h: MsgHdrs | undefined): RequestContext {
  const tenant = h?.get(Headers.tenantId) ?? '';
  const correlation = h?.get(Headers.correlationId) ?? '';
  let actor: RequestContext['actor'] = null;
  const rawActor = h?.get(Headers.actor);
  if (rawActor) {
    try {
      const parsed = actorSchema.safeParse(JSON.parse(rawActor));
      actor = parsed.success ? parsed.data : null;
    } catch {
      actor = null;
    }
  }
  const commandKey = h?.get(Headers.commandKey) ?? '';
  return {
    tenantId: UUID.test(tenant) ? tenant.toLowerCase() : null,
    correlationId: correlation && correlation.length <= 128 ? correlation : randomUUID(),
    actor,
    ...(COMMAND_KEY.test(commandKey) ? { commandKey } : {}),
  };
}
