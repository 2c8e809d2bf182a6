export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body: Json;
}

/** A refusal the cycle did not expect: the route, the status and the problem the gateway answered. */
export class UnexpectedAnswer extends Error {
  constructor(
    readonly route: string,
    readonly answer: Answer,
  ) {
    super(`${route} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 2000)}`);
  }
}

/** The gateway's HTTP API as the cycle driver uses it: JSON in and out, one bearer token per call. */
export class GatewayClient {
  constructor(readonly url: string) {}

  async call(method: string, route: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}/api/v1${route}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: Json;
    try {
      body = text ? (JSON.parse(text) as Json) : {};
    } catch {
      body = { text };
    }
    return { status: response.status, body };
  }

  /** The call, which must answer `status` (else an `UnexpectedAnswer`). */
  async expect(
    status: number,
    method: string,
    route: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<Json> {
    const answer = await this.call(method, route, options);
    if (answer.status !== status) throw new UnexpectedAnswer(`${method} ${route}`, answer);
    return answer.body;
  }

  /** The call, which must answer 200 or 201. */
  async expectOk(method: string, route: string, options: { token?: string; body?: unknown } = {}): Promise<Json> {
    const answer = await this.call(method, route, options);
    if (answer.status !== 200 && answer.status !== 201) throw new UnexpectedAnswer(`${method} ${route}`, answer);
    return answer.body;
  }

  async login(username: string, password: string): Promise<string> {
    const body = await this.expect(200, 'POST', '/auth/login', { body: { username, password } });
    return body.accessToken as string;
  }
}

/** How long `until` polls by default (a run of thousands of cycles queues its requests and raises it). */
export const polling = { timeoutMs: 30_000 };

/** Polls `probe` until it answers something other than `undefined` (what another service does asynchronously). */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = polling.timeoutMs,
): Promise<T> {
  const started = performance.now();
  let delay = 50;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
}
