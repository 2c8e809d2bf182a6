/** The office's session: tokens kept for the tab (sessionStorage), the access token refreshed before it expires. */
export interface Session {
  username: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

const KEY = 'laurel.session';
const MARGIN_MS = 30_000;
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let refreshing: Promise<string | null> | null = null;

function read(): Session | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

function write(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Refresh tokens rotate: each is used once, so two tabs or two requests share one refresh. */
async function refresh(): Promise<string | null> {
  const session = read();
  if (!session) return null;
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        write(null);
        return null;
      }
      const answer = (await response.json()) as TokenAnswer;
      sessionStore.start(session.username, answer);
      return answer.accessToken;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export const sessionStore = {
  get: read,
  start(username: string, answer: TokenAnswer): void {
    write({
      username,
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
    });
  },
  end(): void {
    write(null);
  },
  refresh,
  /** A valid access token: the stored one, or a refreshed one when it is about to expire. */
  async accessToken(): Promise<string> {
    const session = read();
    if (!session) return '';
    if (session.expiresAt - MARGIN_MS > Date.now()) return session.accessToken;
    return (await refresh()) ?? '';
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
