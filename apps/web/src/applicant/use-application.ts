import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';

/** One application as the signed-in account may read it (its own, or what was submitted to it). */
export function useApplication(tenantKey: string, applicationId: string) {
  return useQuery({
    queryKey: ['portal', tenantKey, 'application', applicationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications/{id}', {
          params: { path: { tenantKey, id: applicationId } },
        }),
      ),
  });
}

/** The application's materials the account may see, with the no-state-secret statement. */
export function useMaterials(tenantKey: string, applicationId: string) {
  return useQuery({
    queryKey: ['portal', tenantKey, 'application', applicationId, 'materials'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications/{id}/materials', {
          params: { path: { tenantKey, id: applicationId } },
        }),
      ),
  });
}
