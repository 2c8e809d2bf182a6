import { Body, Controller, Get, Param, Put, Query, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access, Public } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { deadlineAnswerSchema, deadlineQuery, type LoadYearBody, loadYearBody } from './calendar.schema';
import { CalendarService } from './calendar.service';

const yearParam = z.coerce.number().int().min(2000).max(2199);
const yearPath = z.object({ year: yearParam.describe('The calendar year') }).strict();

@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Put('years/:year')
  @Access({ operator: true })
  @ApiRoute({
    tag: 'calendar',
    summary: 'Load a year’s official holiday schedule; every service applies it at once',
    path: yearPath,
    body: loadYearBody,
  })
  load(
    @Req() request: AuthenticatedRequest,
    @Param('year', new ZodPipe(yearParam, 'path')) year: number,
    @Body(new ZodPipe(loadYearBody)) body: LoadYearBody,
  ) {
    return this.calendar.load(contextOf(request), year, body);
  }

  @Get('years')
  @ApiRoute({ tag: 'calendar', summary: 'Loaded years and which years are provisional' })
  list() {
    return this.calendar.list();
  }

  @Get('years/:year')
  @ApiRoute({ tag: 'calendar', summary: 'One year: official or provisional, and its schedule', path: yearPath })
  year(@Param('year', new ZodPipe(yearParam, 'path')) year: number) {
    return this.calendar.year(year);
  }

  @Get('deadline')
  @Public()
  @ApiRoute({
    query: deadlineQuery,
    tag: 'calendar',
    summary: 'The last day and end of a period of N working or calendar days',
    rule: 'the start day is not counted, a period ends at 24:00 of its last day, a calendar-day period ending on a holiday ends on the next working day (民法典 第二百零一、二百零三条)',
    response: deadlineAnswerSchema,
  })
  deadline(@Query(new ZodPipe(deadlineQuery, 'query')) query: z.infer<typeof deadlineQuery>) {
    return this.calendar.deadline(query);
  }
}
