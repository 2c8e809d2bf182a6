import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Module, Post, Req } from '@nestjs/common';
import { z } from 'zod';
import { createItem, listItems } from '../../../packages/testing/fixtures/probe/src/probe.contracts';
import { Access } from '../src/auth/auth.decorators';
import { type AuthenticatedRequest, contextOf } from '../src/http/authenticated-request';
import { ZodPipe } from '../src/http/zod-body.pipe';

const body = createItem.request as z.ZodType<{ name: string }>;

/** The probe's routes: how a real service's API is exposed through the gateway. */
@Controller('tenants/:tenantKey/probe/items')
class ProbeItemController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post()
  @Access({ roles: ['office'] })
  create(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(body)) item: { name: string }) {
    return this.runtime.client.request(createItem, item, { context: contextOf(request) });
  }

  @Get()
  @Access({ roles: ['office', 'supervisor'] })
  list(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(listItems, {}, { context: contextOf(request) });
  }
}

@Module({ controllers: [ProbeItemController] })
export class ProbeRoutesModule {}
