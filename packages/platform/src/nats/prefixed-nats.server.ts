import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { ServerNats } from '@nestjs/microservices';
import type { SubjectNamespace } from './subject-namespace';

interface Subscription {
  unsubscribe(): void;
}

/**
 * Nest's NATS server, subscribed to the namespaced wire subjects of its logical patterns, in the
 * service's queue group so that instances share the load.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    private readonly namespace: SubjectNamespace,
    private readonly natsOptions: { servers: string; queue: string; name: string },
  ) {
    super({ ...natsOptions, gracefulShutdown: true, gracePeriod: 100, noAsyncTraces: true });
  }

  override bindEvents(client: NatsConnection): void {
    const subscriptions = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
    for (const channel of this.messageHandlers.keys()) {
      const handler = (
        this as unknown as { getMessageHandler(c: string): (error: Error | null, message: Msg) => Promise<void> }
      )
        .getMessageHandler(channel)
        .bind(this);
      subscriptions.push(
        client.subscribe(this.namespace.wire(channel), {
          queue: this.natsOptions.queue,
          callback: (error, message) => void handler(error, message),
        }),
      );
    }
  }

  /** Drains the connection so that requests in flight are answered before it closes. */
  override async close(): Promise<void> {
    const connection = (this as unknown as { natsClient: NatsConnection | null }).natsClient;
    if (connection && !connection.isClosed()) await connection.drain().catch(() => undefined);
    await super.close().catch(() => undefined);
  }
}
