import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';

/** The jurisdiction's latest cycle (届) number, or undefined while loading or when there is none. */
export function useLatestCycle(tenantKey: string) {
  const cycles = useQuery({
    queryKey: ['office', tenantKey, 'cycles'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/cycles', { params: { path: { tenantKey } } })).cycles,
  });
  const latest = [...(cycles.data ?? [])].sort((a, b) => b.number - a.number)[0];
  return { cycle: latest, loading: cycles.isLoading, error: cycles.error };
}
