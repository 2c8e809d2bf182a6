import { Injectable } from '@nestjs/common';
import type { GatewayTx } from '../gateway-prisma';
import type { TenantFields } from './tenant.schema';

/** The tenant registry: platform-level rows, reached through the system role only. */
@Injectable()
export class TenantRepository {
  create(tx: GatewayTx, id: string, fields: TenantFields) {
    return tx.tenant.create({ data: { id, ...fields } });
  }

  byKey(tx: GatewayTx, key: string) {
    return tx.tenant.findUnique({ where: { key } });
  }

  byId(tx: GatewayTx, id: string) {
    return tx.tenant.findUniqueOrThrow({ where: { id } });
  }

  list(tx: GatewayTx, ids?: string[]) {
    return tx.tenant.findMany({ where: ids ? { id: { in: ids } } : {}, orderBy: { createdAt: 'asc' } });
  }

  setStatus(tx: GatewayTx, id: string, status: 'active' | 'suspended') {
    return tx.tenant.update({ where: { id }, data: { status } });
  }
}
