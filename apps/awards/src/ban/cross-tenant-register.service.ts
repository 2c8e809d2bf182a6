import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { CrossTenantRegisterRepository } from './cross-tenant-register.repository';

/** The cross-tenant register's flags for a credit code (other tenants only), as the applications service asks at registration. */
@Injectable()
export class CrossTenantRegisterService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly register: CrossTenantRegisterRepository,
  ) {}

  async flags(creditCode: string) {
    return { flags: await this.database.inTenant((tx) => this.register.othersOf(tx, creditCode)) };
  }
}
