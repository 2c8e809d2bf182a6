import { outboxBacklogContract } from '@laurel/contracts';
import { PlatformRuntime, RequestContexts } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import type { EventPipeline } from './event-pipeline.schema';

/**
 * The event pipeline as operators watch it: each service's JetStream stream and its durable consumers (pending,
 * redelivered), read through the JetStream API, and each service's outbox backlog, asked of the service over NATS.
 */
@Injectable()
export class EventPipelineService {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
  ) {}

  async read(): Promise<EventPipeline> {
    const services = ['gateway', ...this.services.filter((service) => service !== 'gateway')];
    const [streams, outboxes] = await Promise.all([
      Promise.all(services.map((service) => this.stream(service))),
      Promise.all(services.map((service) => this.outbox(service))),
    ]);
    return { streams: streams.filter((stream) => stream !== null), outboxes };
  }

  private async stream(service: string) {
    const { jsm, namespace } = this.runtime;
    const name = namespace.eventStream(service);
    // A service that never published has no stream yet.
    const info = await jsm.streams.info(name).catch(() => null);
    if (!info) return null;
    const consumers = [];
    for await (const consumer of jsm.consumers.list(name)) {
      consumers.push({
        name: consumer.name,
        pending: consumer.num_pending,
        ackPending: consumer.num_ack_pending,
        redelivered: consumer.num_redelivered,
        lastDelivered: consumer.delivered.stream_seq,
      });
    }
    consumers.sort((a, b) => a.name.localeCompare(b.name));
    return {
      name,
      service,
      messages: info.state.messages,
      bytes: info.state.bytes,
      firstSeq: info.state.first_seq,
      lastSeq: info.state.last_seq,
      consumers,
    };
  }

  private async outbox(service: string) {
    try {
      const backlog = await this.runtime.client.request(
        outboxBacklogContract(service),
        {},
        { context: RequestContexts.system(), timeoutMs: 3000 },
      );
      return { service, outcome: 'answered' as const, backlog };
    } catch {
      return { service, outcome: 'unreachable' as const, backlog: null };
    }
  }
}
