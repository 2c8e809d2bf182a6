import { PUBLIC_NOTICES_CHANGED } from '@laurel/contracts';
import { PlatformRuntime, RequestContexts } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Tells the gateway that a tenant's public notices changed (after the change is committed), so its cache of the public
 * notice answers is dropped at once. Published on the same connection the service answers requests on: the gateway
 * reads it before the answer to the command that made the change.
 */
@Injectable()
export class PublicNoticeChanges {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  changed(tenantId: string | null = RequestContexts.current()?.tenantId ?? null): void {
    this.runtime.nats.publish(this.runtime.namespace.wire(PUBLIC_NOTICES_CHANGED), JSON.stringify({ tenantId }));
  }
}
