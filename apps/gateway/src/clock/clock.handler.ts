import { clockGetContract, DomainError } from '@laurel/contracts';
import { Handles, PlatformRuntime } from '@laurel/platform';
import { Controller, Inject } from '@nestjs/common';

/** Services on a virtual clock read the platform's time from here when they start. */
@Controller()
export class ClockHandler {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Handles(clockGetContract)
  now() {
    const follower = this.runtime.clockFollower;
    // The gateway's own clock learns the stored time before it answers here; if it could not, nobody gets a guess.
    if (follower && !follower.clock.known) {
      throw new DomainError({
        code: 'service_unavailable',
        detail: { zh: '网关尚未读取演练时间', en: 'The gateway has not read the rehearsal time yet' },
      });
    }
    return { mode: follower ? ('virtual' as const) : ('real' as const), now: this.runtime.clock.now().toISOString() };
  }
}
