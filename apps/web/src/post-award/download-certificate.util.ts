import { downloadWithSession } from '../shared/download-with-session.util';

/** Downloads a title's certificate PDF with the session's token (the office or the holder). */
export function downloadCertificate(tenantKey: string, titleId: string): Promise<void> {
  return downloadWithSession(`/api/v1/tenants/${tenantKey}/titles/${titleId}/certificate/pdf`, 'certificate.pdf');
}
