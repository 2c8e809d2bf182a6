import { calendarListContract } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CalendarService } from './calendar.service';

/** Services load the official calendar from here at start and whenever a year is loaded. */
@Controller()
export class CalendarHandler {
  constructor(private readonly calendar: CalendarService) {}

  @Handles(calendarListContract)
  async list() {
    return { schedules: await this.calendar.schedules() };
  }
}
