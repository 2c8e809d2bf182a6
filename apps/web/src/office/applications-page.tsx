import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/api-client';
import type { ApplicationStatus } from '../api/api-types';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { APPLICATION_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

/** The work queue: applications by status (several at once) and stage, as the URL says, so a queue can be bookmarked. */
export function ApplicationsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const status = search.getAll('status') as ApplicationStatus[];
  const stage = search.get('stage') ?? undefined;
  const applications = useQuery({
    queryKey: ['office', tenantKey, 'applications', status, stage],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications', {
          params: { path: { tenantKey }, query: { status: status.length > 0 ? status : undefined, stage, limit: 200 } },
        }),
      ).applications,
  });
  const update = (next: { status?: string[]; stage?: string }) => {
    const params = new URLSearchParams();
    for (const s of next.status ?? status) params.append('status', s);
    const nextStage = 'stage' in next ? next.stage : stage;
    if (nextStage) params.set('stage', nextStage);
    setSearch(params);
  };
  return (
    <Card
      title={t({ zh: '申报工作台', en: 'Applications' })}
      extra={
        <Space>
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 260 }}
            placeholder={t({ zh: '按状态筛选', en: 'Filter by status' })}
            value={status}
            onChange={(value) => update({ status: value })}
            options={Object.entries(APPLICATION_STATUS).map(([value, label]) => ({ value, label: t(label) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            placeholder={t({ zh: '环节（如 acceptance）', en: 'Stage (e.g. acceptance)' })}
            defaultValue={stage}
            onSearch={(value) => update({ stage: value.trim() || undefined })}
          />
        </Space>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        loading={applications.isLoading}
        dataSource={applications.data ?? []}
        locale={{ emptyText: t({ zh: '没有符合条件的申报', en: 'No application in this queue' }) }}
        columns={[
          {
            title: t({ zh: '申报单位/个人', en: 'Applicant' }),
            render: (_, a) => <Link to={`/office/${tenantKey}/applications/${a.id}`}>{a.applicant.name}</Link>,
          },
          { title: t({ zh: '届', en: 'Cycle' }), render: (_, a) => `第${a.cycle.number}届（${a.cycle.year}）` },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, a) => <StatusTag table={APPLICATION_STATUS} status={a.status} />,
          },
          { title: t({ zh: '环节', en: 'Stage' }), render: (_, a) => a.stage ?? '—' },
          {
            title: t({ zh: '待处理异议', en: 'Objections pending' }),
            render: (_, a) => (a.objectionsPending > 0 ? <Tag color="red">{a.objectionsPending}</Tag> : '—'),
          },
          { title: t({ zh: '创建时间', en: 'Created' }), render: (_, a) => formatInstant(a.createdAt, t.language) },
        ]}
      />
    </Card>
  );
}
