import { Module } from '@nestjs/common';
import { TitleModule } from '../title/title.module';
import { TitleReminderProcessor } from './title-reminder.processor';
import { TitleReminderRepository } from './title-reminder.repository';
import { TitleReminderScheduler } from './title-reminder.scheduler';

/** Reminders before a title's last valid day (re-evaluation or expiry) and its rectification date (linxia 第五条). */
@Module({
  imports: [TitleModule],
  providers: [TitleReminderRepository, TitleReminderScheduler, TitleReminderProcessor],
})
export class TitleReminderModule {}
