import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { sendProblem } from '../http/problem-details.filter';
import { InMemoryRateCounter, isLimited, isLogin, type RateCount, rateLimited } from '../http/public-rate-limit';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { type CachedAnswer, PublicNoticeCache } from './public-notice-cache.service';

/** The routes answered here when cached (Fastify's route patterns, matched by the router before any hook runs). */
const LIST = '/api/v1/public/:tenantKey/notices';
const ONE = '/api/v1/public/:tenantKey/notices/:id';

/** A cached public answer with its strong ETag: 304 when the browser has it, else the JSON; never past a deadline. */
export function sendCachedAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, maxAge: number) {
  reply.header('etag', answer.etag).header('cache-control', `public, max-age=${maxAge}, must-revalidate`);
  const match = request.headers['if-none-match'];
  if (typeof match === 'string' && match.split(/\s*,\s*/).includes(answer.etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/**
 * The public notice reads answered before Nest's pipeline (ADR 0020): a Fastify `onRequest` hook that, for `GET` of the
 * notice list or one notice of an active tenant whose answer is cached, sends that answer at once — no guard,
 * interceptor chain or Redis round trip. Everything else (a miss, an unknown, suspended or not yet looked-up tenant, a
 * HEAD) goes on to Nest unchanged, which reads, stores and answers as before.
 *
 * Every request to a public route (one budget per address, as the Redis-backed limit keeps) is first counted in this
 * process's memory (`InMemoryRateCounter`) with the same limit, window, headers and 429 problem; what goes on to Nest
 * (a miss, every other public route) is counted once more by the Redis limit, which holds across gateway instances.
 */
@Injectable()
export class PublicNoticeFastPath {
  /** Reads answered from the cache by the hook (200 and 304), for the tests and the bench. */
  served = 0;
  private readonly counter = new InMemoryRateCounter(60_000);

  constructor(
    private readonly cache: PublicNoticeCache,
    private readonly tenants: TenantDirectory,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!this.answer(request, reply)) done();
    });
  }

  /** Whether the request was answered (a cached read or its 429). */
  private answer(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!isLimited(request) || isLogin(request)) return false;
    const max = this.config.LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE;
    const count = this.counter.increment(`public:${request.ip}`);
    if (count.current > max) {
      limitHeaders(reply, max, count).header('retry-after', Math.ceil(count.ttl / 1000));
      sendProblem(request, reply, rateLimited(count.ttl));
      return true;
    }
    const route = request.routeOptions.url;
    if (request.method !== 'GET' || (route !== LIST && route !== ONE)) return false;
    const params = request.params as { tenantKey?: string; id?: string };
    const tenant = this.tenants.peek(params.tenantKey ?? '');
    if (tenant?.status !== 'active') return false;
    const answer = this.cache.peek(tenant.id, route === LIST ? 'notices' : `notices/${params.id}`);
    if (!answer) return false;
    this.served += 1;
    limitHeaders(reply, max, count);
    sendCachedAnswer(request, reply, answer, this.cache.maxAge(answer));
    return true;
  }
}

/** The headers @fastify/rate-limit sends with a limited route's answer. */
function limitHeaders(reply: FastifyReply, max: number, count: RateCount): FastifyReply {
  return reply
    .header('x-ratelimit-limit', max)
    .header('x-ratelimit-remaining', Math.max(0, max - count.current))
    .header('x-ratelimit-reset', Math.ceil(count.ttl / 1000));
}
