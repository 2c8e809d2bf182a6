import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The Prometheus metrics every service exposes on /metrics. */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly messagesHandled: Counter<'subject' | 'outcome'>;
  readonly messageSeconds: Histogram<'subject'>;
  readonly eventsPublished: Counter<'subject'>;
  readonly eventsConsumed: Counter<'consumer' | 'outcome'>;
  readonly jobsRun: Counter<'queue' | 'job' | 'outcome'>;
  /** Per subject and outcome, the bound children: prom-client otherwise hashes the labels on every observation. */
  private readonly messageSeries = new Map<
    string,
    { handled: Counter.Internal; seconds: Histogram.Internal<'subject'> }
  >();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.messagesHandled = new Counter({
      name: 'laurel_messages_handled_total',
      help: 'NATS commands and queries handled, by subject and outcome',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.messageSeconds = new Histogram({
      name: 'laurel_message_duration_seconds',
      help: 'Time to handle a NATS command or query',
      labelNames: ['subject'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: 'laurel_events_published_total',
      help: 'Outbox events published to JetStream',
      labelNames: ['subject'],
      registers: [this.registry],
    });
    this.eventsConsumed = new Counter({
      name: 'laurel_events_consumed_total',
      help: 'Events handled by durable consumers, by outcome (handled, duplicate, retried, dead_lettered)',
      labelNames: ['consumer', 'outcome'],
      registers: [this.registry],
    });
    this.jobsRun = new Counter({
      name: 'laurel_jobs_total',
      help: 'BullMQ jobs run, by outcome',
      labelNames: ['queue', 'job', 'outcome'],
      registers: [this.registry],
    });
  }

  /** Counts one handled command or query and records how long it took. */
  observeMessage(subject: string, outcome: 'ok' | 'error', seconds: number): void {
    const key = `${outcome} ${subject}`;
    let series = this.messageSeries.get(key);
    if (!series) {
      series = {
        handled: this.messagesHandled.labels({ subject, outcome }),
        seconds: this.messageSeconds.labels({ subject }),
      };
      this.messageSeries.set(key, series);
    }
    series.handled.inc();
    series.seconds.observe(seconds);
  }
}
