import { Clock, PlatformRuntime } from '@laurel/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

interface Subscription {
  unsubscribe(): void;
}

/**
 * Sessions ended (sign-out, a refresh token used twice) while their access tokens may still be unexpired. Every
 * gateway instance keeps them in memory, so the guard's check costs a map lookup (ADR 0011): the instance that ends a
 * session records it in Redis (kept as long as an access token lives) and announces it on NATS; the others add it
 * when they hear it, and read Redis again at start and whenever their NATS connection comes back (what was announced
 * meanwhile was missed).
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  /** session id → when its last access token expires (ms); afterwards the entry is useless and dropped. */
  private readonly revoked = new Map<string, number>();
  private subscription: Subscription | null = null;
  private stopped = false;

  constructor(
    private readonly runtime: PlatformRuntime,
    private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Whether the session was ended: its access tokens are refused at once. */
  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    if (until === undefined) return false;
    if (until > this.clock.now().getTime()) return true;
    this.revoked.delete(sessionId);
    return false;
  }

  /** Ends the session's access tokens here at once, and on every other instance as soon as it hears. */
  async revoke(sessionId: string): Promise<void> {
    const ttlMs = this.config.LAUREL_ACCESS_TOKEN_TTL_SECONDS * 1000;
    this.remember(sessionId, this.clock.now().getTime() + ttlMs);
    try {
      await this.runtime.redis.set(this.key(sessionId), '1', 'PX', ttlMs);
    } catch (error) {
      this.runtime.logger.warn({ err: error, sessionId }, 'could not record an ended session in Redis');
    }
    this.runtime.nats.publish(this.subject(), sessionId);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.runtime.nats.subscribe(this.subject(), {
      callback: (error, message) => {
        if (error) return;
        const sessionId = message.string();
        if (/^[0-9a-f-]{36}$/.test(sessionId)) {
          this.remember(sessionId, this.clock.now().getTime() + this.config.LAUREL_ACCESS_TOKEN_TTL_SECONDS * 1000);
        }
      },
    });
    void this.watchReconnects();
    await this.reload();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  private remember(sessionId: string, until: number): void {
    this.revoked.set(sessionId, Math.max(until, this.revoked.get(sessionId) ?? 0));
    // Drop what has expired now and then, so the map holds at most one access-token lifetime's worth.
    if (this.revoked.size % 1000 === 0) {
      const now = this.clock.now().getTime();
      for (const [id, at] of this.revoked) if (at <= now) this.revoked.delete(id);
    }
  }

  /** Reads every session ended within an access token's lifetime from Redis. */
  private async reload(): Promise<void> {
    try {
      const prefix = this.key('');
      let cursor = '0';
      do {
        const [next, keys] = await this.runtime.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const ttl = await this.runtime.redis.pttl(key);
          if (ttl > 0) this.remember(key.slice(prefix.length), this.clock.now().getTime() + ttl);
        }
      } while (cursor !== '0' && !this.stopped);
    } catch (error) {
      this.runtime.logger.warn({ err: error }, 'could not read the ended sessions from Redis');
    }
  }

  private async watchReconnects(): Promise<void> {
    for await (const status of this.runtime.nats.status()) {
      if (this.stopped) return;
      if (status.type === 'reconnect') await this.reload();
    }
  }

  private key(sessionId: string): string {
    return `${this.runtime.config.LAUREL_REDIS_PREFIX}:session-revoked:${sessionId}`;
  }

  private subject(): string {
    return this.runtime.namespace.wire('gateway.session.revoked');
  }
}
