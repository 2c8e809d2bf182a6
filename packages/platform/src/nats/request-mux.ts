import { createInbox, errors, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';

interface Pending {
  subject: string;
  resolve: (message: Msg) => void;
  reject: (error: Error) => void;
  deadline: number;
}

/** How often waiting requests are checked against their deadline (timeouts are this coarse). */
const SWEEP_MS = 50;

/**
 * Request/reply over one inbox subscription, for the platform's hot paths (service calls, JetStream publishes).
 * `NatsConnection.request` does the same, but builds a timer promise and an `Error` (a captured stack) for every
 * request even when it succeeds; here a request is a map entry, and one sweep every 50 ms expires the late ones.
 * Rejects with `errors.TimeoutError` past the deadline and `errors.NoRespondersError` when nobody listens.
 */
export class RequestMux {
  private readonly prefix: string;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private subscribed = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly connection: NatsConnection) {
    this.prefix = `${createInbox()}.`;
  }

  request(subject: string, data: string | Uint8Array, options: { timeoutMs: number; headers?: MsgHdrs }): Promise<Msg> {
    this.subscribe();
    const token = ++this.next;
    return new Promise<Msg>((resolve, reject) => {
      this.pending.set(token, { subject, resolve, reject, deadline: performance.now() + options.timeoutMs });
      try {
        this.connection.publish(subject, data, { reply: `${this.prefix}${token}`, headers: options.headers });
      } catch (error) {
        this.pending.delete(token);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Fails every waiting request and stops sweeping (used once the connection closed). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const [token, waiting] of this.pending) {
      this.pending.delete(token);
      waiting.reject(new errors.ClosedConnectionError());
    }
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.connection.subscribe(`${this.prefix}*`, {
      callback: (error, message) => {
        if (error) return;
        const token = Number(message.subject.slice(this.prefix.length));
        const waiting = this.pending.get(token);
        if (!waiting) return;
        this.pending.delete(token);
        if (message.data.length === 0 && message.headers?.code === 503) {
          waiting.reject(new errors.NoRespondersError(waiting.subject));
        } else {
          waiting.resolve(message);
        }
      },
    });
    this.sweeper = setInterval(() => this.expire(), SWEEP_MS);
    this.sweeper.unref();
  }

  private expire(): void {
    // The connection closed (the service is stopping): nothing more will be answered.
    if (this.connection.isClosed()) {
      this.close();
      return;
    }
    if (this.pending.size === 0) return;
    const now = performance.now();
    for (const [token, waiting] of this.pending) {
      if (waiting.deadline > now) continue;
      this.pending.delete(token);
      waiting.reject(new errors.TimeoutError());
    }
  }
}
