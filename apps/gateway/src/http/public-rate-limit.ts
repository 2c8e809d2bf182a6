import { DomainError } from '@laurel/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * Which limit applies is decided on the route the request matched (`/api/v1/public/:tenantKey/...`), never on the
 * raw URL: the router decodes the path, so `/api/v1/auth/%6cogin` reaches the login route and must count as a login.
 */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? '';
export const isLogin = (request: FastifyRequest) =>
  request.method === 'POST' && routeOf(request) === '/api/v1/auth/login';
/** The routes under a per-address limit: login (its own), and the public ones (one budget per address). */
export const isLimited = (request: FastifyRequest) => {
  const route = routeOf(request);
  return (
    isLogin(request) ||
    route.startsWith('/api/v1/public/') ||
    route === '/api/v1/health' ||
    route.startsWith('/api/v1/calendar/deadline')
  );
};

/** The 429 of the public limits, in the caller's language: the same from Redis's counters and from memory's. */
export function rateLimited(ttlMs: number): DomainError & { statusCode: number } {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return Object.assign(
    new DomainError({
      code: 'rate_limited',
      detail: { zh: `请求过于频繁，请 ${seconds} 秒后再试`, en: `Too many requests; retry after ${seconds} seconds` },
      extensions: { retryAfterSeconds: seconds },
    }),
    { statusCode: 429 },
  );
}

/** One address's count in the current window, as @fastify/rate-limit's stores keep it (fixed window from the first). */
export interface RateCount {
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/** Bound on the addresses held at once; past it the ended windows are swept, then the oldest address goes. */
const MAX_ADDRESSES = 100_000;

/**
 * Per-address request counters held in this process (ADR 0020): every public request counts here, so the notice reads
 * answered from the cache are limited without a Redis round trip each. Per process: with several gateway instances behind a balancer an
 * address may make up to `max` reads per window at each instance. Real time (`performance.now()`), whatever the
 * platform's clock says.
 */
export class InMemoryRateCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxAddresses = MAX_ADDRESSES,
  ) {}

  increment(key: string): RateCount {
    const now = performance.now();
    let slot = this.windows.get(key);
    if (!slot || slot.endsAt <= now) {
      if (slot) this.windows.delete(key);
      else if (this.windows.size >= this.maxAddresses) this.sweep(now);
      slot = { count: 0, endsAt: now + this.windowMs };
      this.windows.set(key, slot);
    }
    slot.count += 1;
    return { current: slot.count, ttl: slot.endsAt - now };
  }

  private sweep(now: number): void {
    for (const [key, slot] of this.windows) if (slot.endsAt <= now) this.windows.delete(key);
    if (this.windows.size >= this.maxAddresses) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
  }
}
