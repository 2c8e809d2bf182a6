import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { TierQuotaTable } from '../../shared/tier-quota-table';

/** The jurisdiction's policy in plain words (what `npm run policy -- explain` prints), every rule with its article. */
export function PolicyPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const explained = useQuery({
    queryKey: ['office', tenantKey, 'policy-explained'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/policy/explained', { params: { path: { tenantKey } } })),
  });
  const summary = useQuery({
    queryKey: ['office', tenantKey, 'policy-summary'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/policy/summary', { params: { path: { tenantKey } } })),
  });
  return (
    <QueryState loading={explained.isLoading || summary.isLoading} error={explained.error ?? summary.error}>
      {() =>
        explained.data && (
          <>
            {summary.data && (
              <Card title={t({ zh: '奖项、名额与奖金', en: 'Tiers, quotas and prizes' })} style={{ marginBottom: 24 }}>
                <TierQuotaTable summary={summary.data} />
              </Card>
            )}
            <Card
              title={t({ zh: '管理办法解读', en: 'The policy explained' })}
              extra={`${explained.data.key} v${explained.data.version} · ${t({ zh: '自第', en: 'from cycle ' })}${explained.data.appliesFromCycle}${t({ zh: '届起适用', en: '' })}`}
            >
              <Typography.Paragraph>
                <pre data-testid="policy-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 14 }}>
                  {explained.data.text}
                </pre>
              </Typography.Paragraph>
            </Card>
          </>
        )
      }
    </QueryState>
  );
}
