import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { StatusTag } from '../../shared/status-tag';
import { TIER, TITLE_STATUS } from './winners-labels';

/** The titles (称号) the commendation decisions granted: tier, year, validity, state. */
export function TitlesPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const titles = useQuery({
    queryKey: ['office', tenantKey, 'titles'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/titles', { params: { path: { tenantKey }, query: {} } })).items,
  });
  return (
    <Card title={t({ zh: '获奖称号', en: 'Titles' })}>
      <QueryState loading={titles.isLoading} error={titles.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            dataSource={titles.data ?? []}
            locale={{ emptyText: t({ zh: '尚无表彰决定', en: 'No commendation decision yet' }) }}
            columns={[
              { title: t({ zh: '届次', en: 'Cycle' }), dataIndex: 'cycleNumber', width: 70 },
              { title: t({ zh: '年度', en: 'Year' }), dataIndex: 'year', width: 80 },
              { title: t({ zh: '获奖者', en: 'Winner' }), dataIndex: 'applicantName' },
              { title: t({ zh: '统一社会信用代码', en: 'Credit code' }), dataIndex: 'creditCode' },
              {
                title: t({ zh: '奖项', en: 'Tier' }),
                dataIndex: 'tier',
                render: (k: string) => <Tag color="red">{t(TIER[k] ?? { zh: k, en: k })}</Tag>,
              },
              {
                title: t({ zh: '有效期', en: 'Validity' }),
                render: (_: unknown, r) =>
                  `${r.validFrom} ~ ${r.validUntil ?? t({ zh: '办法未规定', en: 'not set' })} (${r.validityBasis})`,
              },
              {
                title: t({ zh: '状态', en: 'State' }),
                dataIndex: 'status',
                render: (s: string) => <StatusTag table={TITLE_STATUS} status={s} />,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
