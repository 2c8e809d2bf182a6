import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';

/** The tenant's objections (the first 200), as the office's console pages share them. */
export const useTenantObjections = (tenantKey: string) =>
  useQuery({
    queryKey: ['office', tenantKey, 'objections', 'all'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/objections', {
          params: { path: { tenantKey }, query: { limit: 200 } },
        }),
      ).objections,
  });
