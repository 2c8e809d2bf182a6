import { sessionStore } from '../api/session-store';

/** Downloads a file from the gateway with the session's token, named as its content-disposition says. */
export async function downloadWithSession(path: string, fallbackName: string): Promise<void> {
  const token = await sessionStore.accessToken();
  const response = await fetch(path, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const anchor = Object.assign(document.createElement('a'), {
    href: url,
    download: name,
  });
  anchor.click();
  URL.revokeObjectURL(url);
}
