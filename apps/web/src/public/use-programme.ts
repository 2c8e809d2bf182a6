import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';

/** The tenant's award and regulation at a glance (public). */
export function useProgramme(tenantKey: string) {
  return useQuery({
    queryKey: ['public', tenantKey, 'programme'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/public/{tenantKey}/programme', { params: { path: { tenantKey } } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
