import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that lets a browser open the queue board (an iframe or a link cannot send a bearer header). */
export const BOARD_COOKIE = 'laurel_queue_board';
/** Where the board is mounted; the cookie is sent to this path only. */
export const BOARD_PATH = '/api/v1/operations/queues/board';
/** How long a pass lasts: long enough to look around, short enough that a copied cookie soon dies. */
export const BOARD_PASS_TTL_MS = 10 * 60 * 1000;

const keyOf = (secret: string) => createHmac('sha256', secret).update('laurel:queue-board-pass').digest();
const sign = (secret: string, body: string) => createHmac('sha256', keyOf(secret)).update(body).digest('base64url');

/** A pass for `userId` until `expiresAt` (epoch ms), signed with a key derived from the access tokens' secret. */
export function issueBoardPass(secret: string, userId: string, expiresAt: number): string {
  const body = `${Buffer.from(userId).toString('base64url')}.${expiresAt}`;
  return `${body}.${sign(secret, body)}`;
}

/** Whether the pass is one the gateway signed and it has not expired at `now` (epoch ms). */
export function verifyBoardPass(secret: string, pass: string | undefined, now: number): boolean {
  const parts = pass?.split('.') ?? [];
  if (parts.length !== 3) return false;
  const [user, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${user}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return /^\d+$/.test(expires) && Number(expires) > now;
}

/** The pass in a request's Cookie header, if any. */
export function boardPassOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === BOARD_COOKIE) return value.join('=');
  }
  return undefined;
}
