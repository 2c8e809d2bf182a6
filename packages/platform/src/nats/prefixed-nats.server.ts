import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { RpcException, ServerNats } from '@nestjs/microservices';
import { timeLimit } from '../clock/time-limit.util';
import { ErrorReporter } from '../errors/error-reporter';
import { toErrorShape } from '../errors/rpc-error.util';
import { HANDLER_METHODS, type HandlerMethod } from './handles.decorator';
import type { SubjectNamespace } from './subject-namespace';
import { coalesceWrites } from './write-coalescing.util';

interface Subscription {
  unsubscribe(): void;
  drain(): Promise<void>;
}

/** At shutdown, how long requests being handled may take to answer before the connection closes anyway. */
const SETTLE_MS = 10000;

/** A request as Nest's NATS client and our `ServiceClient` send it. */
interface RequestPacket {
  id?: string;
  pattern?: unknown;
  data?: unknown;
}

type NestMessageHandler = (error: Error | null, message: Msg) => Promise<void>;

/**
 * Nest's NATS server, subscribed to the namespaced wire subjects of its logical patterns, in the
 * service's queue group so that instances share the load.
 *
 * Requests for `@Handles` methods are answered directly: the wrapper `@Handles` puts around the method already does
 * everything a handler needs (context, validation both ways, errors in their wire shape), so the server calls it on
 * the controller instance and replies in Nest's wire format, without Nest's per-message pipeline (pattern lookup,
 * parameter factories, observables). Anything else goes through Nest as before.
 */
export class PrefixedNatsServer extends ServerNats {
  /** How the server finds the controller instance of a `@Handles` method (set once the app exists). */
  instanceOf: ((type: HandlerMethod['type']) => unknown) | null = null;
  /** Requests being handled: shutdown lets them answer before the connection closes. */
  private readonly handling = new Set<Promise<void>>();

  constructor(
    private readonly namespace: SubjectNamespace,
    private readonly natsOptions: { servers: string; queue: string; name: string },
  ) {
    // Reconnects for as long as it takes, as the runtime's connection does (nats.js gives up after 10 tries).
    super({ ...natsOptions, gracefulShutdown: true, gracePeriod: 100, noAsyncTraces: true, maxReconnectAttempts: -1 });
  }

  /** Replies leave in one write per loop turn, like every other publish of the service (ADR 0007). */
  override async createNatsClient(): Promise<NatsConnection> {
    const client = (await super.createNatsClient()) as NatsConnection;
    coalesceWrites(client);
    return client;
  }

  override bindEvents(client: NatsConnection): void {
    const subscriptions = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
    for (const channel of this.messageHandlers.keys()) {
      const callback = this.directHandler(channel) ?? this.nestHandler(channel);
      subscriptions.push(
        client.subscribe(this.namespace.wire(channel), {
          queue: this.natsOptions.queue,
          callback: (error, message) => {
            if (error) return;
            const handled = callback(message).catch((failure: unknown) =>
              ErrorReporter.report(failure, `${channel} handler`),
            );
            this.handling.add(handled);
            void handled.finally(() => this.handling.delete(handled));
          },
        }) as unknown as Subscription,
      );
    }
  }

  /**
   * Stops taking requests, lets those being handled answer (up to 10 s), then drains and closes the connection: a
   * reply is not lost because its handler was still at work when shutdown began.
   */
  override async close(): Promise<void> {
    const connection = (this as unknown as { natsClient: NatsConnection | null }).natsClient;
    if (connection && !connection.isClosed()) {
      const subscriptions = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
      await Promise.allSettled(subscriptions.map((subscription) => subscription.drain()));
      await this.settle();
      await connection.drain().catch(() => undefined);
    }
    await super.close().catch(() => undefined);
  }

  private async settle(): Promise<void> {
    if (this.handling.size === 0) return;
    await timeLimit(Promise.allSettled([...this.handling]), SETTLE_MS, 'requests still being handled').catch(
      () => undefined,
    );
  }

  /**
   * Sends a reply; one NATS refuses (larger than the server's max_payload) becomes an `internal` error answer, so
   * the caller hears at once instead of waiting for its timeout.
   */
  private respond(message: Msg, id: string, reply: string, channel: string): void {
    try {
      message.respond(reply);
    } catch (error) {
      const err = toErrorShape(error, `${channel} reply (${reply.length} characters)`);
      message.respond(JSON.stringify({ id, err, isDisposed: true }));
    }
  }

  private nestHandler(channel: string): (message: Msg) => Promise<void> {
    const handler = (this as unknown as { getMessageHandler(c: string): NestMessageHandler })
      .getMessageHandler(channel)
      .bind(this);
    return (message) => handler(null, message);
  }

  private directHandler(channel: string): ((message: Msg) => Promise<void>) | null {
    const method = HANDLER_METHODS.get(channel);
    const instance = method && this.instanceOf?.(method.type);
    if (!method || !instance) return null;
    const nest = this.nestHandler(channel);
    return async (message) => {
      let packet: RequestPacket;
      try {
        packet = message.json<RequestPacket>();
      } catch {
        return nest(message);
      }
      // Not a request (an event, or a client that wants no answer): Nest handles it.
      if (typeof packet.id !== 'string' || !message.reply) return nest(message);
      const carrier = { getHeaders: () => message.headers };
      let reply: string;
      try {
        const response = await method.handle.call(instance, packet.data, carrier);
        reply = JSON.stringify({ id: packet.id, response, isDisposed: true });
      } catch (error) {
        const err = error instanceof RpcException ? error.getError() : toErrorShape(error, `${channel} handler`);
        reply = JSON.stringify({ id: packet.id, err, isDisposed: true });
      }
      this.respond(message, packet.id, reply, channel);
    };
  }
}
