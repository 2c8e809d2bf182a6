import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';

/** The tenant's programme (one per tenant). */
@Injectable()
export class ProgrammeRepository {
  current(tx: AwardsTx) {
    return tx.programme.findUnique({ where: { tenantId: RequestContexts.requireTenant() } });
  }

  create(
    tx: AwardsTx,
    data: { key: string; nameZh: string; nameEn: string; createdBy: string | null; createdAt: Date },
  ) {
    return tx.programme.create({ data: { id: randomUUID(), tenantId: RequestContexts.requireTenant(), ...data } });
  }

  /** Locks the programme row until the transaction ends: one writer of its versions and cycles at a time. */
  async lock(tx: AwardsTx, id: string): Promise<void> {
    await tx.$queryRawUnsafe('SELECT id FROM programme WHERE id = $1::uuid FOR UPDATE', id);
  }
}
