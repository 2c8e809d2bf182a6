import { Body, Controller, Get, Post } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { tenantPath } from '../http/tenant-path.schema';
import { TenantScoped } from '../http/tenant-scoped.interceptor';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CreateUserBody, createUserBody, userSchema } from './user.schema';
import { UserService } from './user.service';

@Controller('tenants/:tenantKey/users')
@TenantScoped()
export class UserController {
  constructor(private readonly users: UserService) {}

  @Post()
  @Access({ operator: true, roles: ['office'] })
  @ApiRoute({
    tag: 'users',
    summary:
      'Create a staff user of the jurisdiction with roles (operator or office; the office cannot give the role of a body the regulation makes independent of it, e.g. xinzhou-city 第十七条、第二十七条: 403)',
    body: createUserBody,
    response: userSchema,
    status: 201,
    path: tenantPath,
  })
  create(@Body(new ZodPipe(createUserBody)) body: CreateUserBody) {
    return this.users.createInTenant(body);
  }

  @Get()
  @Access({ operator: true, roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'users',
    summary: 'The jurisdiction’s users and their roles',
    response: z.object({ users: z.array(userSchema) }),
    path: tenantPath,
  })
  async list() {
    return { users: await this.users.listInTenant() };
  }
}
