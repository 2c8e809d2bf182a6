import { tenantSchema } from '@laurel/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { CreateTenantPipe } from './create-tenant.pipe';
import { createdTenantSchema, createTenantBody, type TenantToCreate } from './tenant.schema';
import { TenantService } from './tenant.service';

@Controller('tenants')
export class TenantController {
  constructor(private readonly tenants: TenantService) {}

  @Post()
  @Access({ operator: true })
  @ApiRoute({
    tag: 'tenants',
    summary: 'Register a jurisdiction, with its policy document: its award programme is created with it',
    body: createTenantBody,
    response: createdTenantSchema,
    status: 201,
  })
  create(@Req() request: AuthenticatedRequest, @Body(new CreateTenantPipe()) body: TenantToCreate) {
    return this.tenants.create(contextOf(request), body);
  }

  @Get()
  @ApiRoute({
    tag: 'tenants',
    summary: 'Jurisdictions: all for operators, one’s own for staff',
    response: z.object({ tenants: z.array(tenantSchema) }),
  })
  async list(@Req() request: AuthenticatedRequest) {
    return { tenants: await this.tenants.list(request.principal as NonNullable<AuthenticatedRequest['principal']>) };
  }

  @Get(':tenantKey')
  @Access({
    operator: true,
    roles: ['office', 'recommender', 'expert', 'leading_group', 'supervisor', 'finance', 'applicant', 'department'],
    whileSuspended: true,
  })
  @ApiRoute({ tag: 'tenants', summary: 'One jurisdiction', response: tenantSchema, path: tenantPath })
  get(@Param('tenantKey') key: string) {
    return this.tenants.get(key);
  }

  @Post(':tenantKey/suspend')
  @HttpCode(200)
  @Access({ operator: true, whileSuspended: true })
  @ApiRoute({
    tag: 'tenants',
    summary: 'Suspend a jurisdiction: its staff may only read, the public sees nothing of it',
    response: tenantSchema,
    path: tenantPath,
  })
  suspend(@Req() request: AuthenticatedRequest, @Param('tenantKey') key: string) {
    return this.tenants.setStatus(contextOf(request), key, 'suspended');
  }

  @Post(':tenantKey/resume')
  @HttpCode(200)
  @Access({ operator: true, whileSuspended: true })
  @ApiRoute({ tag: 'tenants', summary: 'Resume a suspended jurisdiction', response: tenantSchema, path: tenantPath })
  resume(@Req() request: AuthenticatedRequest, @Param('tenantKey') key: string) {
    return this.tenants.setStatus(contextOf(request), key, 'active');
  }
}
