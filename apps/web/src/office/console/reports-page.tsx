import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { REPORT_STATUS } from '../../shared/status-labels';
import { StatusTag } from '../../shared/status-tag';
import { ReportDrawer } from './report-drawer';

/**
 * Reports (举报) for the body the policy names to receive them only (the objections service answers 403 to anyone
 * else): the list, each report with its reporter masked until the identity is revealed with a reason, and replies.
 */
export function ReportsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [open, setOpen] = useState<string | undefined>();
  const reports = useQuery({
    queryKey: ['office', tenantKey, 'reports'],
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/reports', {
          params: { path: { tenantKey }, query: { limit: 200 } },
        }),
      ).reports,
  });
  return (
    <Card title={t({ zh: '举报受理', en: 'Reports' })}>
      <QueryState loading={reports.isLoading} error={reports.error}>
        {() => (
          <Table
            rowKey="id"
            size="middle"
            dataSource={reports.data ?? []}
            locale={{ emptyText: t({ zh: '暂无举报', en: 'No report' }) }}
            columns={[
              {
                title: t({ zh: '举报编号', en: 'Number' }),
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setOpen(r.id)}>
                    {r.reportNumber}
                  </Button>
                ),
              },
              { title: t({ zh: '被举报对象', en: 'Concerning' }), dataIndex: 'concerning' },
              {
                title: t({ zh: '举报人', en: 'Reporter' }),
                render: (_, r) =>
                  r.anonymous
                    ? t({ zh: '匿名', en: 'anonymous' })
                    : r.reporterHidden
                      ? t({ zh: '已隐藏（实名）', en: 'hidden (named)' })
                      : (r.reporter?.name ?? '—'),
              },
              {
                title: t({ zh: '状态', en: 'Status' }),
                render: (_, r) => <StatusTag table={REPORT_STATUS} status={r.status} />,
              },
              {
                title: t({ zh: '收到时间', en: 'Received' }),
                render: (_, r) => formatInstant(r.receivedAt, t.language),
              },
            ]}
          />
        )}
      </QueryState>
      <ReportDrawer tenantKey={tenantKey} reportId={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
