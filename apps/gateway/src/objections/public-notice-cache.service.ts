import { createHash } from 'node:crypto';
import { PUBLIC_NOTICES_CHANGED } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

/** How long an answer is kept (and how long a browser may keep it) at most, whatever its next deadline. */
export const PUBLIC_NOTICE_MAX_AGE_S = 30;

/** A public notice answer as it is sent: its JSON, strong ETag and the instant it stops being true at the latest. */
export interface CachedAnswer {
  body: string;
  etag: string;
  expiresAt: number;
}

interface Subscription {
  unsubscribe(): void;
}

interface Deadlined {
  status?: string;
  publishedOn?: string;
  deadline?: { closesAt?: string };
}

/**
 * The gateway's in-process cache of the public notice answers (the list and each notice, per tenant), ADR 0020. An
 * answer never outlives the truth: it expires at the next close time it shows (or in PUBLIC_NOTICE_MAX_AGE_S), and every
 * change the objections service makes (`objections.public-notices.changed`, published after the commit and read
 * before the answer to the command that made it) drops the tenant's answers. A read that started before a change is
 * not stored (generation check), so it cannot put the old answer back.
 */
@Injectable()
export class PublicNoticeCache implements OnModuleInit, OnModuleDestroy {
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly generations = new Map<string, number>();
  private subscription: Subscription | null = null;
  private stopped = false;

  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  onModuleInit(): void {
    this.subscription = this.runtime.nats.subscribe(this.runtime.namespace.wire(PUBLIC_NOTICES_CHANGED), {
      callback: (error, message) => {
        if (error) return;
        let tenantId: string | null = null;
        try {
          tenantId = (message.json() as { tenantId?: string | null }).tenantId ?? null;
        } catch {
          tenantId = null;
        }
        this.drop(tenantId);
      },
    });
    void this.watchConnection();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  /**
   * While the connection is down the change messages are missed: every answer is dropped when it goes down (no hit is
   * served that a missed change may have made stale) and again when it is back (a read in between is not kept).
   */
  private async watchConnection(): Promise<void> {
    for await (const status of this.runtime.nats.status()) {
      if (this.stopped) return;
      if (status.type === 'disconnect' || status.type === 'reconnect') this.drop(null);
    }
  }

  now(): number {
    return this.runtime.clock.now().getTime();
  }

  /** The tenant's answers are dropped (all tenants' when null). */
  drop(tenantId: string | null): void {
    if (tenantId === null) {
      this.answers.clear();
      for (const key of this.generations.keys()) this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      this.generations.set('*', (this.generations.get('*') ?? 0) + 1);
      return;
    }
    for (const key of this.answers.keys()) if (key.startsWith(`${tenantId}:`)) this.answers.delete(key);
    this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
  }

  /** The cached answer while it is still true, without reading anything (the fast path of ADR 0020); else undefined. */
  peek(tenantId: string, key: string): CachedAnswer | undefined {
    const hit = this.answers.get(`${tenantId}:${key}`);
    return hit && hit.expiresAt > this.now() ? hit : undefined;
  }

  /** The cached answer, or a fresh one read by `read` (stored unless a change came in while it was read). */
  async answer(tenantId: string, key: string, read: () => Promise<unknown>): Promise<CachedAnswer> {
    const cacheKey = `${tenantId}:${key}`;
    const now = this.now();
    const hit = this.answers.get(cacheKey);
    if (hit && hit.expiresAt > now) return hit;
    const generation = this.generationOf(tenantId);
    const value = await read();
    const body = JSON.stringify(value);
    const answer = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      expiresAt: Math.min(now + PUBLIC_NOTICE_MAX_AGE_S * 1000, nextDeadline(value, now)),
    };
    if (answer.expiresAt > now && this.generationOf(tenantId) === generation) this.answers.set(cacheKey, answer);
    return answer;
  }

  /** Seconds a browser may keep the answer: until its expiry, never past the next deadline. */
  maxAge(answer: CachedAnswer): number {
    return Math.max(0, Math.floor((answer.expiresAt - this.now()) / 1000));
  }

  private generationOf(tenantId: string): string {
    return `${this.generations.get(tenantId) ?? 0}/${this.generations.get('*') ?? 0}`;
  }
}

/** The earliest instant after `now` at which an answer's notice changes by time: a close, or a publication date. */
export function nextDeadline(value: unknown, now: number): number {
  const notices: Deadlined[] = Array.isArray((value as { notices?: unknown })?.notices)
    ? (value as { notices: Deadlined[] }).notices
    : [value as Deadlined];
  let next = Number.POSITIVE_INFINITY;
  for (const notice of notices) {
    const instants = [notice?.deadline?.closesAt, notice?.publishedOn ? `${notice.publishedOn}T00:00:00+08:00` : null];
    for (const instant of instants) {
      const at = instant ? Date.parse(instant) : Number.NaN;
      if (Number.isFinite(at) && at > now) next = Math.min(next, at);
    }
  }
  return next;
}
