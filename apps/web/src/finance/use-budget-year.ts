import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';

/** The tenant's budget years and the one chosen on a page (the first listed until another is picked). */
export function useBudgetYear(tenantKey: string) {
  const [chosen, setChosen] = useState<number>();
  const years = useQuery({
    queryKey: ['finance', tenantKey, 'budget-years'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/funds/budget-years', { params: { path: { tenantKey } } })),
  });
  const year = chosen ?? years.data?.budgetYears[0]?.budgetYear;
  return { years, year, choose: setChosen, choices: years.data?.budgetYears.map((y) => y.budgetYear) ?? [] };
}
