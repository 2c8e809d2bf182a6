import type { CertificateView } from '@laurel/contracts';
import type { CertificateRow } from './certificate.repository';
import { certificateVerifyPath } from './certificate-number.util';

export const toCertificateView = (row: CertificateRow, tenantKey: string): CertificateView => ({
  id: row.id,
  titleId: row.titleId,
  number: row.number,
  year: row.year,
  sequence: row.sequence,
  issuedAt: row.issuedAt.toISOString(),
  verifyPath: certificateVerifyPath(tenantKey, row.number),
});
