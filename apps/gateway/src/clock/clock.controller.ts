import { Body, Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { Access, Public } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { preferredLanguage } from '../http/language.util';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  clockViewSchema,
  type MoveClockBody,
  moveClockAnswerSchema,
  moveClockBody,
  operatorClockViewSchema,
} from './clock.schema';
import { ClockService } from './clock.service';

/** The platform's time: anyone reads it (the web app's header); the operator moves a rehearsal platform's clock. */
@Controller()
export class ClockController {
  constructor(private readonly clock: ClockService) {}

  @Get('clock')
  @Public()
  @ApiRoute({
    tag: 'clock',
    summary: 'The platform’s time and whether it is a rehearsal platform (virtual clock)',
    response: clockViewSchema,
  })
  now() {
    return this.clock.view();
  }

  @Get('operations/clock')
  @Access({ operator: true })
  @ApiRoute({
    tag: 'clock',
    summary: 'The rehearsal clock: mode, time, where the rehearsal started and who last moved it',
    response: operatorClockViewSchema,
  })
  operatorView(@Headers('accept-language') language?: string) {
    return this.clock.operatorView(preferredLanguage(language));
  }

  @Post('operations/clock')
  @HttpCode(200)
  @Access({ operator: true })
  @ApiRoute({
    tag: 'clock',
    summary:
      'Move the rehearsal clock forward; answers once every service has the new time and every deadline due by then has fired, in order',
    body: moveClockBody,
    response: moveClockAnswerSchema,
  })
  move(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(moveClockBody)) body: MoveClockBody) {
    return this.clock.move(contextOf(request), body);
  }
}
