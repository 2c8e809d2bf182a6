import { shanghaiStartOfDay } from '@laurel/calendar';
import { Database, JobScheduler } from '@laurel/platform';
import { isoDate } from '@laurel/policy';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { titleValidityEnds } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { TitleTransitionRepository } from './title-transition.repository';

/** When a title's validity ends: 00:00 Asia/Shanghai of the day after its last valid day. */
export const validityEndsAt = (validUntil: string): Date => shanghaiStartOfDay(isoDate.addDays(validUntil, 1));

/**
 * Schedules each active title's end of validity from the title rows (the platform's deadline source): at start,
 * periodically, on demand and after every move of a rehearsal clock, so a Redis flush loses nothing.
 */
@Injectable()
export class TitleExpiryScheduler implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly titles: TitleTransitionRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.addDeadlineSource(async () => {
      const active = await this.database.asSystem((tx) => this.titles.activeWithValidity(tx));
      return active.flatMap((title) =>
        title.validUntil
          ? [
              {
                job: titleValidityEnds,
                data: { titleId: title.id },
                runAt: validityEndsAt(dateColumn.toIso(title.validUntil)),
                tenantId: title.tenantId,
              },
            ]
          : [],
      );
    });
  }

  /** After the commit that granted a title (should Redis fail, the deadline source still finds the row). */
  async schedule(titleId: string, validUntil: string): Promise<void> {
    await this.jobs.scheduleCommitted(titleValidityEnds, { titleId }, validityEndsAt(validUntil));
  }
}
