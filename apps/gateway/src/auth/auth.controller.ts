import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { ApiRoute } from '../http/api-route.decorator';
import { ZodPipe } from '../http/zod-body.pipe';
import { WithoutIdempotency } from '../idempotency/without-idempotency.decorator';
import { Public } from './auth.decorators';
import { loginBody, refreshBody, tokensSchema } from './auth.schema';
import { AuthService } from './auth.service';

@Controller('auth')
@Public()
@WithoutIdempotency()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiRoute({ tag: 'auth', summary: 'Sign in with username and password', body: loginBody, response: tokensSchema })
  login(@Body(new ZodPipe(loginBody)) body: z.infer<typeof loginBody>) {
    return this.auth.login(body.username, body.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiRoute({
    tag: 'auth',
    summary: 'Exchange a refresh token for new tokens (rotation)',
    body: refreshBody,
    response: tokensSchema,
  })
  refresh(@Body(new ZodPipe(refreshBody)) body: z.infer<typeof refreshBody>) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiRoute({ tag: 'auth', summary: 'End the session of a refresh token', body: refreshBody, status: 204 })
  async logout(@Body(new ZodPipe(refreshBody)) body: z.infer<typeof refreshBody>) {
    await this.auth.logout(body.refreshToken);
  }
}
