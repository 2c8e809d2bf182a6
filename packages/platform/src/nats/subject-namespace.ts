/**
 * Every NATS subject and JetStream stream of one deployment (or one test run) lives under a prefix,
 * so two runs on one NATS server never hear each other. Commands and queries travel on
 * `<prefix>.<subject>`, events on `<prefix>.events.<subject>` (so no stream ever captures a request).
 */
export class SubjectNamespace {
  constructor(readonly prefix: string) {}

  /** The wire subject of a command or query, e.g. `laurel.awards.cycle.get`. */
  wire(subject: string): string {
    return `${this.prefix}.${subject}`;
  }

  /** The wire subject of an event, e.g. `laurel.events.awards.cycle.opened.v1`. */
  eventWire(subject: string): string {
    return `${this.prefix}.events.${subject}`;
  }

  /** The JetStream stream that holds one service's events, e.g. `laurel_events_awards`. */
  eventStream(service: string): string {
    return `${this.prefix}_events_${service}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  }

  /** The subjects of one service's event stream. */
  eventStreamSubjects(service: string): string {
    return `${this.prefix}.events.${service}.>`;
  }

  /** The durable name of one consumer. */
  durable(consumer: string): string {
    return consumer.replace(/[^a-zA-Z0-9_-]/g, '_');
  }

  /** The JetStream stream that keeps the latest audit chain head of every tenant of every service. */
  auditAnchorStream(): string {
    return `${this.prefix}_audit_anchors`.replace(/[^a-zA-Z0-9_-]/g, '_');
  }

  /** The subject of one tenant's audit chain head in one service. */
  auditAnchorSubject(service: string, tenantId: string): string {
    return `${this.prefix}.audit-anchor.${service}.${tenantId}`;
  }
}
