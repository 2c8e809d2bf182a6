import { keyedPost } from './event-pipeline';
import { type Answer, GatewayClient, type Json } from './gateway-client';

/** A client request that failed (a 5xx, a refused connection, a key left in progress) and whether a retry mended it. */
export interface FailedWrite {
  write: string;
  status: number;
  /** Seconds since the traffic began. */
  at: number;
  mended: boolean;
}

/** How long a failed write is retried with its key: a gateway killed mid-request leaves its key in progress 60 s. */
const MEND_WITHIN_MS = 150_000;

/**
 * The chaos clients' one way to write: each write with an Idempotency-Key of its own (`chaos-<name>`), sent to the
 * gateways in turn; a write that fails is retried with the same key and body (to the next gateway) until it is
 * answered. Counts what was sent, what failed and whether the retry mended it, for every kind of traffic together.
 */
export class KeyedWriter {
  readonly failures: FailedWrite[] = [];
  /** Writes answered other than as expected, even after retries (each is also a failure). */
  readonly unexpected: string[] = [];
  sent = 0;
  private readonly began = performance.now();

  /** `urls`: the gateways' current base URLs (a restarted gateway listens on a new port). */
  constructor(private readonly urls: () => string[]) {}

  /** A keyed write, answered `expected` (201 by default); answers it, or undefined if it never was. */
  async write(
    name: string,
    gateway: number,
    route: string,
    body: Json,
    token?: string,
    expected = 201,
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<Answer | undefined> {
    const key = `chaos-${name}`;
    const url = (attempt: number) => {
      const urls = this.urls();
      return urls[(gateway + attempt) % urls.length] as string;
    };
    this.sent += 1;
    let answer = await keyedPost(url(0), route, token, key, body, method);
    if (retryable(answer)) {
      const failure: FailedWrite = { write: name, status: answer.status, at: this.seconds(), mended: false };
      this.failures.push(failure);
      const until = performance.now() + MEND_WITHIN_MS;
      for (let attempt = 1; retryable(answer) && performance.now() < until; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
        answer = await keyedPost(url(attempt), route, token, key, body, method);
      }
      failure.mended = answer.status === expected;
    }
    if (answer.status === expected) return answer;
    this.unexpected.push(`${name} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    return undefined;
  }

  /**
   * A read through whichever gateway answers, every half second until `found` answers something of a 200's body; gives
   * up (undefined) once `done()` holds, five minutes after the first attempt at the least (past a killed consumer's ack
   * wait and more: what has not come by then is not coming). Reads are not counted as writes.
   */
  async read<T>(
    route: string,
    token: string,
    found: (body: Json) => T | undefined,
    done: () => boolean,
  ): Promise<T | undefined> {
    const giveUpFrom = performance.now() + 300_000;
    for (let attempt = 0; ; attempt += 1) {
      const urls = this.urls();
      const answer = await new GatewayClient(urls[attempt % urls.length] as string)
        .call('GET', route, { token })
        .catch(() => undefined);
      const value = answer?.status === 200 ? found(answer.body) : undefined;
      if (value !== undefined) return value;
      if (done() && performance.now() > giveUpFrom) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private seconds(): number {
    return Math.round(performance.now() - this.began) / 1000;
  }
}

/** A failure a retry with the same key may mend: a 5xx, a refused connection, or the key still in progress. */
function retryable(answer: Answer): boolean {
  if (answer.status === 0 || answer.status >= 500) return true;
  return answer.status === 409 && /still being processed|仍在处理中/.test(JSON.stringify(answer.body));
}
