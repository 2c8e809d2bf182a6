import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import type { Objection } from '../api/api-types';
import { unwrap } from '../api/problem';
import { formatDeadline, formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { OBJECTION_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

/** The objections to examine and decide: by status, or the overdue ones. */
export function ObjectionsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [status, setStatus] = useState<Objection['status']>();
  const [overdue, setOverdue] = useState(false);
  const objections = useQuery({
    queryKey: ['office', tenantKey, 'objections', status, overdue],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/objections', {
          params: { path: { tenantKey }, query: { status, overdue: overdue ? 'true' : undefined, limit: 200 } },
        }),
      ).objections,
  });
  return (
    <Card
      title={t({ zh: '异议处理', en: 'Objections' })}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t({ zh: '全部状态', en: 'All statuses' })}
            value={status}
            onChange={setStatus}
            options={Object.entries(OBJECTION_STATUS).map(([value, label]) => ({ value, label: t(label) }))}
          />
          <span>{t({ zh: '仅看逾期', en: 'Overdue only' })}</span>
          <Switch checked={overdue} onChange={setOverdue} />
        </Space>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        loading={objections.isLoading}
        dataSource={objections.data ?? []}
        columns={[
          {
            title: t({ zh: '受理编号', en: 'Receipt number' }),
            render: (_, o) => <Link to={`/office/${tenantKey}/objections/${o.id}`}>{o.receiptNumber}</Link>,
          },
          { title: t({ zh: '公示', en: 'Notice' }), dataIndex: 'noticeTitle' },
          { title: t({ zh: '异议对象', en: 'Objection to' }), render: (_, o) => o.entry.subjectName },
          { title: t({ zh: '收到时间', en: 'Received' }), render: (_, o) => formatInstant(o.receivedAt, t.language) },
          {
            title: t({ zh: '审查期限', en: 'Examine by' }),
            render: (_, o) =>
              o.examination ? (
                <span style={{ color: o.examination.overdueAt ? '#a8071a' : undefined }}>
                  {formatDeadline(o.examination.lastDay, t.language)}（{o.examination.basis}）
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, o) => <StatusTag table={OBJECTION_STATUS} status={o.status} />,
          },
        ]}
      />
    </Card>
  );
}
