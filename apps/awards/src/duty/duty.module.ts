import { Module } from '@nestjs/common';
import { HolderModule } from '../holder/holder.module';
import { TitleModule } from '../title/title.module';
import { TitleExpiryModule } from '../title-expiry/title-expiry.module';
import { DutyHandler } from './duty.handler';
import { DutyRepository } from './duty.repository';
import { DutyService } from './duty.service';
import { DutyReminderProcessor } from './duty-reminder.processor';
import { DutyReminderScheduler } from './duty-reminder.scheduler';
import { FulfilEvaluationDutyWhenEvaluatedConsumer } from './fulfil-evaluation-duty-when-evaluated.consumer';

/** Post-award duties: planned from the title, submitted by the holder, reminded, overdue and escalated to the office. */
@Module({
  imports: [HolderModule, TitleModule, TitleExpiryModule],
  controllers: [DutyHandler],
  providers: [
    DutyRepository,
    DutyService,
    DutyReminderScheduler,
    DutyReminderProcessor,
    FulfilEvaluationDutyWhenEvaluatedConsumer,
  ],
  exports: [DutyService, DutyRepository, DutyReminderScheduler],
})
export class DutyModule {}
