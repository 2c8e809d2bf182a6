import { DomainError, type EntitlementView, type PageRequest } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../funds-prisma';
import { toEntitlementView } from './entitlement.mapper';
import { type EntitlementFilter, EntitlementRepository } from './entitlement.repository';

export const entitlementNotFound = () => DomainError.notFound({ zh: '未找到该奖补资金', en: 'No such entitlement' });

/** Finance reads the entitlements award decisions made, with their disbursements. */
@Injectable()
export class EntitlementService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly entitlements: EntitlementRepository,
  ) {}

  async list(filter: EntitlementFilter, page: PageRequest) {
    const { rows, next } = await this.database.inTenant((tx) => this.entitlements.page(tx, filter, page));
    return { entitlements: rows.map(toEntitlementView), next };
  }

  async get(id: string): Promise<EntitlementView> {
    const row = await this.database.inTenant((tx) => this.entitlements.find(tx, id));
    if (!row) throw entitlementNotFound();
    return toEntitlementView(row);
  }
}
