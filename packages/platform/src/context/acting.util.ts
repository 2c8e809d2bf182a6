import type { Role } from '@laurel/contracts';
import { RequestContexts } from './request-context';

/** Who is acting, as the gateway carried it (`laurel-actor`): the one place every service reads it from. */
export interface Acting {
  /** The user's id; null for the public and for messages without an actor. */
  readonly userId: string | null;
  /** How history and audit name the actor: the username, else the user id. */
  readonly label: string | null;
  readonly roles: readonly string[];
  readonly operator: boolean;
  /** Whether the actor holds `role` in the tenant in context (`operator`: platform-wide). */
  has(role: Role): boolean;
}

export function acting(): Acting {
  const actor = RequestContexts.current()?.actor ?? null;
  const roles = actor?.roles ?? [];
  const operator = actor?.operator ?? false;
  return {
    userId: actor?.userId ?? null,
    label: actor ? (actor.username ?? actor.userId) : null,
    roles,
    operator,
    has: (role) => (role === 'operator' ? operator : roles.includes(role)),
  };
}
