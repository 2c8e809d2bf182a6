import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';

/** The application bans on record (禁止申报), each with the case and the article it comes from. */
export function BansPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const bans = useQuery({
    queryKey: ['office', tenantKey, 'bans'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/bans', { params: { path: { tenantKey } } })).bans,
  });
  return (
    <Card title={t({ zh: '禁止申报名单', en: 'Application bans' })}>
      <Table
        rowKey="caseId"
        size="middle"
        loading={bans.isLoading}
        dataSource={bans.data ?? []}
        columns={[
          {
            title: t({ zh: '申报者', en: 'Applicant' }),
            render: (_, b) => <Link to={`/office/${tenantKey}/revocations/${b.caseId}`}>{b.applicantName}</Link>,
          },
          {
            title: t({ zh: '期限', en: 'Length' }),
            render: (_, b) =>
              b.unit === 'years'
                ? t({ zh: `${b.count}年`, en: `${b.count} years` })
                : t({ zh: `${b.count}个评选周期`, en: `${b.count} cycles` }),
          },
          { title: t({ zh: '起算年度', en: 'From' }), dataIndex: 'startYear' },
          { title: t({ zh: '可再次申报', en: 'May apply from' }), dataIndex: 'allowedFromYear' },
          { title: t({ zh: '依据', en: 'Article' }), dataIndex: 'basis' },
        ]}
      />
    </Card>
  );
}
