import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import type { ApplicationStatus } from '../api/api-types';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { APPLICATION_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

const QUEUES: Record<string, ApplicationStatus[] | undefined> = {
  todo: ['submitted'],
  notice: ['recommendation_notice'],
  all: undefined,
};

/** The recommender's work queue: only what was submitted to it (the service filters), to review first. */
export function RecommenderQueuePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [queue, setQueue] = useState('todo');
  const status = QUEUES[queue];
  const list = useQuery({
    queryKey: ['portal', tenantKey, 'recommender-queue', queue],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications', {
          params: { path: { tenantKey }, query: status ? { status } : {} },
        }),
      ),
  });
  return (
    <Card
      title={t({ zh: '推荐审核工作台', en: 'Applications to review' })}
      extra={
        <Segmented
          value={queue}
          onChange={(value) => setQueue(String(value))}
          options={[
            { value: 'todo', label: t({ zh: '待审核', en: 'To review' }) },
            { value: 'notice', label: t({ zh: '公示中', en: 'On notice' }) },
            { value: 'all', label: t({ zh: '全部', en: 'All' }) },
          ]}
        />
      }
    >
      <QueryState loading={list.isLoading} error={list.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={list.data?.applications ?? []}
            locale={{ emptyText: t({ zh: '暂无申报', en: 'Nothing here' }) }}
            columns={[
              {
                title: t({ zh: '申报主体', en: 'Applicant' }),
                render: (_, a) => <Link to={`/recommender/${tenantKey}/applications/${a.id}`}>{a.applicant.name}</Link>,
              },
              {
                title: t({ zh: '届', en: 'Cycle' }),
                render: (_, a) => t({ zh: `第${a.cycle.number}届`, en: `Cycle ${a.cycle.number}` }),
              },
              {
                title: t({ zh: '状态', en: 'Status' }),
                render: (_, a) => <StatusTag table={APPLICATION_STATUS} status={a.status} />,
              },
              {
                title: t({ zh: '申报时间', en: 'Started' }),
                render: (_, a) => formatInstant(a.createdAt, t.language),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
