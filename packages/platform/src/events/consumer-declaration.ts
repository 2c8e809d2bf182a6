import type { EventContract } from '@laurel/contracts';

/**
 * A durable consumer declared once, in the service definition (like a job): its name `<service>-<rule>` (never
 * changes once shipped: it names the JetStream durable and the inbox rows) and the event it handles. A module supplies
 * its handler with `EventConsumers.register`; a service refuses to start with a declared consumer that has no handler,
 * or a handler for a consumer it did not declare.
 */
export interface ConsumerDeclaration<E extends EventContract = EventContract> {
  readonly consumer: string;
  readonly event: E;
}

const NAME = /^[a-z][a-z0-9]*-[a-z][a-z0-9-]*$/;

export function defineConsumer<E extends EventContract>(spec: { consumer: string; event: E }): ConsumerDeclaration<E> {
  if (!NAME.test(spec.consumer)) throw new Error(`consumer ${spec.consumer} is not <service>-<rule>`);
  return Object.freeze({ consumer: spec.consumer, event: spec.event });
}
