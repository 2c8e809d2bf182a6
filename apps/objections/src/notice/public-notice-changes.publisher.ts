import { PUBLIC_NOTICES_CHANGED } from '@laurel/contracts';
import { PlatformRuntime, RequestContexts } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';

/** How long the command waits at most for the server to confirm the message (a NATS outage must not hang it). */
const FLUSH_TIMEOUT_MS = 2000;

/**
 * Tells the gateway that a tenant's public notices changed (after the change is committed), so its cache of the public
 * notice answers is dropped at once. The service answers requests on another connection (its NATS server's) than the
 * runtime's one this is published on, and NATS orders messages per connection only: so the publish is flushed (a
 * PING/PONG with the server, which has then routed the message to the gateway's connection) before the command
 * answers. The gateway reads its subscription and its replies on one connection, so it drops the answers before it
 * reads the answer to the command that made the change.
 */
@Injectable()
export class PublicNoticeChanges {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  async changed(tenantId: string | null = RequestContexts.current()?.tenantId ?? null): Promise<void> {
    this.runtime.nats.publish(this.runtime.namespace.wire(PUBLIC_NOTICES_CHANGED), JSON.stringify({ tenantId }));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.runtime.nats.flush().catch(() => undefined),
      new Promise((resolve) => {
        timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  }
}
