import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';

/** Notices the objections service withdrew, as their events told this service. */
@Injectable()
export class WithdrawnNoticeRepository {
  async record(tx: ApplicationsTx, notice: { noticeId: string; reason: string; withdrawnAt: Date }): Promise<void> {
    await tx.withdrawnNotice.createMany({
      data: [{ tenantId: RequestContexts.requireTenant(), ...notice }],
      skipDuplicates: true,
    });
  }

  find(tx: ApplicationsTx, noticeId: string) {
    return tx.withdrawnNotice.findUnique({ where: { noticeId } });
  }
}
