import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { BarChart } from './bar-chart';
import { serviceName } from './operator-labels';

/**
 * The event pipeline: each service's outbox backlog (a chart: which service is behind shows at a glance), its JetStream
 * stream and every durable consumer's pending, unacknowledged and redelivered counts.
 */
export function EventsPage() {
  const t = useT();
  const pipeline = useQuery({
    queryKey: ['operator', 'events'],
    refetchInterval: 5000,
    queryFn: async () => unwrap(await api.GET('/api/v1/operations/events')),
  });
  const chart = useMemo(() => {
    const outboxes = pipeline.data?.outboxes ?? [];
    const streams = pipeline.data?.streams ?? [];
    return {
      categories: outboxes.map((o) => serviceName(o.service, t)),
      series: [
        {
          name: t({ zh: '发件箱未发布', en: 'outbox unpublished' }),
          color: '#d4380d',
          values: outboxes.map((o) => o.backlog?.unpublished ?? 0),
        },
        {
          name: t({ zh: '消费者待处理', en: 'consumers pending' }),
          color: '#1d39c4',
          values: outboxes.map((o) =>
            streams
              .filter((s) => s.service === o.service)
              .flatMap((s) => s.consumers)
              .reduce((sum, c) => sum + c.pending + c.ackPending, 0),
          ),
        },
      ],
    };
  }, [pipeline.data, t]);
  return (
    <QueryState loading={pipeline.isLoading} error={pipeline.error}>
      {() => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={t({ zh: '各服务积压', en: 'Backlog per service' })}>
            <BarChart categories={chart.categories} series={chart.series} testId="backlog-chart" />
            <Table
              rowKey="service"
              size="small"
              pagination={false}
              dataSource={pipeline.data?.outboxes ?? []}
              columns={[
                { title: t({ zh: '服务', en: 'Service' }), render: (_, o) => serviceName(o.service, t) },
                {
                  title: t({ zh: '发件箱', en: 'Outbox' }),
                  render: (_, o) =>
                    o.backlog ? (
                      `${o.backlog.unpublished}${o.backlog.failing ? t({ zh: `（发布失败 ${o.backlog.failing}）`, en: ` (${o.backlog.failing} failing)` }) : ''}`
                    ) : (
                      <Tag color="red">{t({ zh: '无应答', en: 'unreachable' })}</Tag>
                    ),
                },
                {
                  title: t({ zh: '最早未发布', en: 'Oldest unpublished' }),
                  render: (_, o) =>
                    o.backlog?.oldestCreatedAt ? formatInstant(o.backlog.oldestCreatedAt, t.language) : '—',
                },
              ]}
            />
          </Card>
          {(pipeline.data?.streams ?? []).map((stream) => (
            <Card
              key={stream.name}
              size="small"
              title={`${serviceName(stream.service, t)} · ${stream.name}`}
              extra={t({
                zh: `消息 ${stream.messages} 条（序号 ${stream.firstSeq}–${stream.lastSeq}）`,
                en: `${stream.messages} messages (seq ${stream.firstSeq}–${stream.lastSeq})`,
              })}
            >
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={stream.consumers}
                locale={{ emptyText: t({ zh: '没有持久消费者', en: 'No durable consumers' }) }}
                columns={[
                  { title: t({ zh: '持久消费者', en: 'Durable consumer' }), dataIndex: 'name' },
                  { title: t({ zh: '待投递', en: 'Pending' }), dataIndex: 'pending' },
                  { title: t({ zh: '待确认', en: 'Unacknowledged' }), dataIndex: 'ackPending' },
                  {
                    title: t({ zh: '重投', en: 'Redelivered' }),
                    render: (_, c) => (c.redelivered > 0 ? <Tag color="orange">{c.redelivered}</Tag> : 0),
                  },
                  { title: t({ zh: '已投递至序号', en: 'Delivered up to' }), dataIndex: 'lastDelivered' },
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
    </QueryState>
  );
}
