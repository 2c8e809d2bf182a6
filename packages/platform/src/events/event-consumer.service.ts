import { randomUUID } from 'node:crypto';
import { type EventContract, type EventEnvelope, eventEnvelopeSchema, type PayloadOf } from '@laurel/contracts';
import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { type RequestContext, RequestContexts } from '../context/request-context';
import type { SubjectNamespace } from '../nats/subject-namespace';
import type { Database } from '../prisma/database.service';
import type { PrismaClientLike, TxOf } from '../prisma/prisma-client-like';
import { platformSql } from '../prisma/transaction-scope';
import type { ConsumerDeclaration } from './consumer-declaration';
import { ensureEventStream } from './event-streams.util';

/** One durable consumer: a name unique in the platform, the event it handles and what it does. */
export interface EventHandlerDefinition<
  E extends EventContract = EventContract,
  C extends PrismaClientLike = PrismaClientLike,
> {
  /** `<service>-<purpose>`, e.g. `applications-objection-upheld`; never changes once shipped. */
  readonly consumer: string;
  readonly event: E;
  /** Runs in the same transaction as the inbox record: its writes and the record commit together. */
  handle(tx: TxOf<C>, payload: PayloadOf<E>, envelope: EventEnvelope): Promise<void>;
}

export interface ConsumerPolicy {
  /** Deliveries before an event goes to the dead-letter table. */
  maxDeliveries: number;
  /** Back-off before each redelivery, in milliseconds (the last one repeats). */
  backoffMs: number[];
  ackWaitMs: number;
}

/** Messages a consumer holds in its buffer: at most this many transactions' time-outs fit in one ack wait. */
const BUFFERED_MESSAGES = 4;
/** Before a consumer that ended on its own is started again. */
const RESTART_DELAY_MS = 2000;

export const DEFAULT_CONSUMER_POLICY: ConsumerPolicy = {
  maxDeliveries: 6,
  backoffMs: [1000, 5000, 30000, 120000, 600000],
  ackWaitMs: 60000,
};

/**
 * Runs durable JetStream consumers. Each event is handled at most once in effect: the event id goes into
 * the inbox table in the same transaction as the handler's change, so a redelivery finds it and does
 * nothing. A failing event is retried with back-off and, after the last try, kept as a dead letter.
 */
export class EventConsumers<C extends PrismaClientLike> {
  private readonly running: { messages: ConsumerMessages; done: Promise<void> }[] = [];
  private readonly handlers = new Map<string, EventHandlerDefinition<EventContract, C>>();
  private readonly restarts = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    private readonly database: Database<C>,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: SubjectNamespace,
    private readonly logger: Logger,
    private readonly policy: ConsumerPolicy = DEFAULT_CONSUMER_POLICY,
    private readonly declared: readonly ConsumerDeclaration[] = [],
  ) {
    const names = new Set<string>();
    for (const { consumer } of declared) {
      if (names.has(consumer)) throw new Error(`consumer ${consumer} declared twice`);
      names.add(consumer);
    }
  }

  /** The handler of a declared consumer (`declaration` from the service definition's `consumers`). */
  register<E extends EventContract>(
    declaration: ConsumerDeclaration<E>,
    handle: EventHandlerDefinition<E, C>['handle'],
  ): void {
    const { consumer, event } = declaration;
    const declared = this.declared.find((d) => d.consumer === consumer);
    if (!declared || declared.event.subject !== event.subject) {
      throw new Error(`consumer ${consumer} of ${event.subject} is not declared in the service definition`);
    }
    if (this.handlers.has(consumer)) throw new Error(`consumer ${consumer} registered twice`);
    const definition: EventHandlerDefinition<E, C> = { consumer, event, handle };
    this.handlers.set(consumer, definition as unknown as EventHandlerDefinition<EventContract, C>);
  }

  /** The declared consumers, as the service definition lists them. */
  declarations(): readonly ConsumerDeclaration[] {
    return this.declared;
  }

  definitions(): EventHandlerDefinition<EventContract, C>[] {
    return [...this.handlers.values()];
  }

  /** Refuses to start if a declared consumer has no handler; then starts every consumer. */
  async start(): Promise<void> {
    const missing = this.declared.filter((d) => !this.handlers.has(d.consumer));
    if (missing.length > 0) {
      throw new Error(`declared consumer(s) without a handler: ${missing.map((d) => d.consumer).join(', ')}`);
    }
    this.stopping = false;
    for (const definition of this.handlers.values()) await this.startOne(definition);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    for (const { messages } of this.running) messages.stop();
    await Promise.allSettled(this.running.map((r) => r.done));
    this.running.length = 0;
  }

  /** Handles one envelope as the named consumer would; true if it had an effect, false if already handled. */
  async handle(consumer: string, envelope: EventEnvelope): Promise<boolean> {
    const definition = this.handlers.get(consumer);
    if (!definition) throw new Error(`no consumer ${consumer}`);
    const payload = definition.event.payload.parse(envelope.payload);
    const context: RequestContext = {
      tenantId: envelope.tenantId,
      correlationId: envelope.correlationId,
      actor: envelope.actor,
    };
    return RequestContexts.run(context, () => {
      const work = async (tx: TxOf<C>): Promise<boolean> => {
        const inserted = await platformSql(tx).$executeRawUnsafe(
          `INSERT INTO inbox_message (consumer, event_id, subject) VALUES ($1, $2::uuid, $3) ON CONFLICT DO NOTHING`,
          consumer,
          envelope.id,
          envelope.subject,
        );
        if (inserted === 0) return false;
        await definition.handle(tx, payload, envelope);
        // A replayed dead letter that now succeeded is resolved with the effect.
        await platformSql(tx).$executeRawUnsafe(
          `UPDATE dead_letter SET resolved_at = now() WHERE consumer = $1 AND event_id = $2::uuid AND resolved_at IS NULL`,
          consumer,
          envelope.id,
        );
        return true;
      };
      return envelope.tenantId ? this.database.inTenant(work) : this.database.asSystem(work);
    });
  }

  private async startOne(definition: EventHandlerDefinition<EventContract, C>): Promise<void> {
    const owner = definition.event.subject.split('.')[0] as string;
    const stream = await ensureEventStream(this.jsm, this.namespace, owner);
    const durable = this.namespace.durable(definition.consumer);
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.namespace.eventWire(definition.event.subject),
      // Unlimited: the consumer itself decides when an event becomes a dead letter, and keeps it redelivered until
      // the dead letter is written (a JetStream cap could drop an event whose dead letter failed to insert).
      max_deliver: -1,
      ack_wait: nanos(this.policy.ackWaitMs),
    };
    let existing: Awaited<ReturnType<JetStreamManager['consumers']['info']>> | null = null;
    try {
      existing = await this.jsm.consumers.info(stream, durable);
    } catch {
      existing = null;
    }
    if (existing) {
      // A consumer created before the delivery limit and ack wait were what they are now: brought up to date.
      if (existing.config.max_deliver !== config.max_deliver || existing.config.ack_wait !== config.ack_wait) {
        await this.jsm.consumers.update(stream, durable, {
          max_deliver: config.max_deliver,
          ack_wait: config.ack_wait,
        });
      }
    } else {
      await this.jsm.consumers.add(stream, config).catch(async (error: unknown) => {
        await this.jsm.consumers.info(stream, durable).catch(() => {
          throw error;
        });
      });
    }
    const consumer = await this.js.consumers.get(stream, durable);
    // Few at a time: messages are handled one after the other, and those waiting in the buffer must not outlive
    // their ack wait (each handling may take up to a transaction's time-out), or they are redelivered and counted as
    // failed deliveries.
    const messages = await consumer.consume({ max_messages: BUFFERED_MESSAGES });
    const running = { messages, done: Promise.resolve() };
    running.done = (async () => {
      try {
        for await (const message of messages) await this.onMessage(definition, message);
      } catch (error) {
        this.logger.error({ err: error, consumer: definition.consumer }, 'event consumer failed');
      }
      // Ended without being stopped (the consumer was deleted, the stream lost): start it again.
      if (!this.stopping) this.restartLater(definition, running);
    })();
    this.running.push(running);
  }

  private restartLater(definition: EventHandlerDefinition<EventContract, C>, ended: { done: Promise<void> }): void {
    const index = this.running.indexOf(ended as (typeof this.running)[number]);
    if (index >= 0) this.running.splice(index, 1);
    const timer = setTimeout(() => {
      this.restarts.delete(timer);
      if (this.stopping) return;
      this.startOne(definition).catch((error: unknown) => {
        this.logger.error({ err: error, consumer: definition.consumer }, 'restarting the event consumer failed');
        this.restartLater(definition, { done: Promise.resolve() });
      });
    }, RESTART_DELAY_MS);
    this.restarts.add(timer);
  }

  private async onMessage(definition: EventHandlerDefinition<EventContract, C>, message: JsMsg): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = eventEnvelopeSchema.parse(message.json());
    } catch (error) {
      this.logger.error({ err: error, consumer: definition.consumer }, 'malformed event envelope: terminated');
      message.term('malformed envelope');
      return;
    }
    try {
      // Its ack wait starts now, not when it entered the buffer.
      message.working();
      await this.handle(definition.consumer, envelope);
      message.ack();
    } catch (error) {
      const attempt = message.info.deliveryCount;
      const backoff = this.policy.backoffMs;
      const delay = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 1000;
      if (attempt >= this.policy.maxDeliveries) {
        try {
          await this.deadLetter(definition.consumer, envelope, error, attempt);
        } catch (failure) {
          // Not lost: redelivered until its dead letter can be written.
          this.logger.error(
            { err: failure, consumer: definition.consumer, eventId: envelope.id, retryInMs: delay },
            'writing the dead letter failed; will retry',
          );
          message.nak(delay);
          return;
        }
        message.term('dead-lettered');
        return;
      }
      this.logger.warn(
        { err: error, consumer: definition.consumer, eventId: envelope.id, attempt, retryInMs: delay },
        'event handling failed; will retry',
      );
      message.nak(delay);
    }
  }

  private async deadLetter(consumer: string, envelope: EventEnvelope, error: unknown, attempts: number): Promise<void> {
    this.logger.error({ err: error, consumer, eventId: envelope.id, attempts }, 'event dead-lettered');
    const { payload, ...headers } = envelope;
    await this.database.acrossTenants((tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO dead_letter (id, consumer, event_id, tenant_id, subject, payload, headers, error, attempts)
           VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6::jsonb, $7::jsonb, $8, $9)
           ON CONFLICT (consumer, event_id) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts,
             resolved_at = NULL, created_at = now()`,
        randomUUID(),
        consumer,
        envelope.id,
        envelope.tenantId,
        envelope.subject,
        JSON.stringify(payload ?? null),
        JSON.stringify(headers),
        error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 4000) : String(error).slice(0, 4000),
        attempts,
      ),
    );
  }
}
