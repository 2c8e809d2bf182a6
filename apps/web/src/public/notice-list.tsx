import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatDate, formatDeadline, formatPeriod } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { NOTICE_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

/** Open notices and those closed in the last 30 days, newest first. */
export function NoticeList({ tenantKey }: { tenantKey: string }) {
  const t = useT();
  const notices = useQuery({
    queryKey: ['public', tenantKey, 'notices'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/public/{tenantKey}/notices', { params: { path: { tenantKey } } })).notices,
  });
  if (notices.error) return <Alert type="error" showIcon title={notices.error.message} />;
  return (
    <Card title={t({ zh: '公示公告', en: 'Notices' })}>
      <Table
        loading={notices.isLoading}
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={notices.data ?? []}
        locale={{ emptyText: t({ zh: '目前没有公示', en: 'No notice at present' }) }}
        columns={[
          {
            title: t({ zh: '标题', en: 'Title' }),
            render: (_, notice) => <Link to={`/p/${tenantKey}/notices/${notice.id}`}>{notice.title}</Link>,
          },
          {
            title: t({ zh: '发布日期', en: 'Published' }),
            render: (_, notice) => formatDate(notice.publishedOn, t.language),
          },
          {
            title: t({ zh: '公示期', en: 'Period' }),
            render: (_, notice) => formatPeriod(notice.period, t.language),
          },
          {
            title: t({ zh: '截止时间', en: 'Closes' }),
            render: (_, notice) => formatDeadline(notice.deadline.lastDay, t.language),
          },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, notice) => <StatusTag table={NOTICE_STATUS} status={notice.status} />,
          },
        ]}
      />
    </Card>
  );
}
