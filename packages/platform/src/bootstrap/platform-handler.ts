import {
  auditListContract,
  auditVerifyContract,
  calendarApplyContract,
  clockApplyContract,
  DomainError,
  deadLetterListContract,
  deadLetterReplayContract,
  outboxBacklogContract,
  serviceHealthContract,
} from '@laurel/contracts';
import { Controller, Inject, type Type } from '@nestjs/common';
import { DeadLetters } from '../events/dead-letter.service';
import { readOutboxBacklog } from '../events/outbox-backlog.util';
import { Handles } from '../nats/handles.decorator';
import { PlatformRuntime } from './platform-runtime';

/**
 * The subjects every service answers: its health, its audit trail, the calendar and the clock, its dead letters and
 * its outbox backlog.
 */
export function platformHandlerFor(service: string): Type<unknown> {
  @Controller()
  class PlatformHandler {
    private readonly deadLetters: DeadLetters<PlatformRuntime['database']['app']>;

    constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {
      this.deadLetters = new DeadLetters(runtime.database, runtime.js, runtime.namespace);
    }

    @Handles(serviceHealthContract(service))
    health() {
      return this.runtime.health();
    }

    @Handles(auditListContract(service))
    async auditList(request: { afterSeq: number; limit: number }) {
      const entries = await this.runtime.database.inTenant((tx) =>
        this.runtime.audit.list(tx, request.afterSeq, request.limit),
      );
      return { entries };
    }

    @Handles(auditVerifyContract(service))
    auditVerify() {
      return this.runtime.verifyAudit();
    }

    @Handles(calendarApplyContract(service))
    async calendarApply(request: { schedules: unknown[] }) {
      return { moved: await this.runtime.calendar.apply(request.schedules) };
    }

    /** One step of a move of the rehearsal clock: this service's clock reads `now` and what is due by then has run. */
    @Handles(clockApplyContract(service))
    async clockApply(request: { now: string }) {
      const follower = this.runtime.clockFollower;
      if (!follower) {
        throw DomainError.conflict({
          zh: `${service} 服务运行在真实时间上（未设置 LAUREL_CLOCK=virtual），不能拨动其时钟`,
          en: `The ${service} service keeps real time (LAUREL_CLOCK is not virtual); its clock cannot be moved`,
        });
      }
      const applied = await follower.apply(new Date(request.now));
      return { now: applied.now.toISOString(), fired: applied.fired, next: applied.next?.toISOString() ?? null };
    }

    @Handles(deadLetterListContract(service))
    async deadLetterList(request: { includeResolved: boolean }) {
      return { deadLetters: await this.deadLetters.list(request.includeResolved) };
    }

    @Handles(deadLetterReplayContract(service))
    async deadLetterReplay(request: { id: string }) {
      return { replayed: await this.deadLetters.replay(request.id) };
    }

    @Handles(outboxBacklogContract(service))
    outboxBacklog() {
      return readOutboxBacklog(this.runtime.database);
    }
  }
  return PlatformHandler;
}
