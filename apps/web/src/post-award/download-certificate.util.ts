import { sessionStore } from '../api/session-store';

/** Downloads a title's certificate PDF with the session's token (the office or the holder). */
export async function downloadCertificate(tenantKey: string, titleId: string): Promise<void> {
  const token = await sessionStore.accessToken();
  const response = await fetch(`/api/v1/tenants/${tenantKey}/titles/${titleId}/certificate/pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'certificate.pdf';
  const url = URL.createObjectURL(await response.blob());
  const anchor = Object.assign(document.createElement('a'), { href: url, download: name });
  anchor.click();
  URL.revokeObjectURL(url);
}
