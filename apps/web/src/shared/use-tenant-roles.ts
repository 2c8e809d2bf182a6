import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { useSession } from '../office/use-session';
import { rolesOf } from './home-for-roles.util';

/**
 * The signed-in user's roles in the jurisdiction (from its access token), so a page offers only the actions the
 * gateway permits the role: e.g. the office reads the money but does not disburse it. The API still checks.
 */
export function useTenantRoles(tenantKey: string): { roles: readonly string[]; has: (...roles: string[]) => boolean } {
  const session = useSession();
  const tenant = useQuery({
    queryKey: ['tenant', tenantKey],
    enabled: Boolean(session),
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}', { params: { path: { tenantKey } } })),
  });
  const roles = session && tenant.data ? (rolesOf(session.accessToken)[tenant.data.id] ?? []) : [];
  return { roles, has: (...wanted) => wanted.some((role) => roles.includes(role)) };
}
