import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

const withTitle = {
  title: {
    include: { decision: true, statusChanges: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  },
} as const satisfies Prisma.CertificateInclude;
export type CertificateRow = Prisma.CertificateGetPayload<{ include: typeof withTitle }>;

/** The tenant's certificates (证书), each with its title, the title's decision and history. */
@Injectable()
export class CertificateRepository {
  ofTitle(tx: AwardsTx, titleId: string): Promise<CertificateRow | null> {
    return tx.certificate.findFirst({
      where: { tenantId: RequestContexts.requireTenant(), titleId },
      include: withTitle,
    });
  }

  byNumber(tx: AwardsTx, number: string): Promise<CertificateRow | null> {
    return tx.certificate.findFirst({
      where: { tenantId: RequestContexts.requireTenant(), number },
      include: withTitle,
    });
  }

  /** The next sequence of the tenant's certificates of `year` (one atomic upsert: concurrent issues never share one). */
  async nextSequence(tx: AwardsTx, year: number): Promise<number> {
    const tenantId = RequestContexts.requireTenant();
    const counter = await tx.certificateCounter.upsert({
      where: { tenantId_year: { tenantId, year } },
      create: { tenantId, year, last: 1 },
      update: { last: { increment: 1 } },
    });
    return counter.last;
  }

  create(
    tx: AwardsTx,
    data: {
      id: string;
      titleId: string;
      number: string;
      year: number;
      sequence: number;
      checkCode: string;
      issuedAt: Date;
      issuedBy: string | null;
    },
  ): Promise<CertificateRow> {
    return tx.certificate.create({ data: { ...data, tenantId: RequestContexts.requireTenant() }, include: withTitle });
  }
}
