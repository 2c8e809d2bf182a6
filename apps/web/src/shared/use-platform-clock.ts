import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';

/** The platform's time and mode (`GET /api/v1/clock`): the rehearsal clock's on a rehearsal platform. */
export const usePlatformClock = (options: { refetchInterval?: number } = {}) =>
  useQuery({
    queryKey: ['platform-clock'],
    queryFn: async () => unwrap(await api.GET('/api/v1/clock')),
    staleTime: 5000,
    ...options,
  });
