import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import type { ResponseOf } from '../api/api-types';
import { problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { serviceName } from './operator-labels';

/** Events a service's consumers gave up on; replaying one republishes it, and the consumer resolves it on success. */
export function DeadLettersPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The services the gateway knows are those its health page asks.
  const services = useQuery({
    queryKey: ['operator', 'services'],
    queryFn: async () => {
      const answer = await api.GET('/api/v1/health');
      const health = (answer.data ?? answer.error) as ResponseOf<'/api/v1/health', 'get'>;
      return health.services.map((s) => s.service);
    },
  });
  const [chosen, setService] = useState<string>();
  const service = chosen ?? services.data?.find((s) => s !== 'gateway') ?? 'gateway';
  const [includeResolved, setIncludeResolved] = useState(true);
  const key = ['operator', 'dead-letters', service, includeResolved];
  const letters = useQuery({
    queryKey: key,
    enabled: services.isSuccess,
    refetchInterval: 3000,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/operations/dead-letters/{service}', {
          params: { path: { service }, query: { includeResolved: includeResolved ? 'true' : 'false' } },
        }),
      ).deadLetters,
  });
  const replay = useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/api/v1/operations/dead-letters/{service}/{id}/replay', { params: { path: { service, id } } }),
      ),
    onSuccess: () => {
      message.success(
        t({
          zh: '已重新投递，消费者成功处理后将标记为已解决',
          en: 'Replayed: it is resolved once its consumer succeeds',
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['operator', 'dead-letters'] });
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Card
      title={t({ zh: '死信', en: 'Dead letters' })}
      extra={
        <Space>
          <Select
            style={{ width: 220 }}
            value={service}
            onChange={setService}
            options={(services.data ?? []).map((s) => ({ value: s, label: serviceName(s, t) }))}
            data-testid="dead-letter-service"
          />
          <span>{t({ zh: '含已解决', en: 'Include resolved' })}</span>
          <Switch checked={includeResolved} onChange={setIncludeResolved} />
        </Space>
      }
    >
      <Table
        rowKey="id"
        loading={letters.isLoading}
        dataSource={letters.data ?? []}
        pagination={false}
        data-testid="dead-letters"
        expandable={{ expandedRowRender: (letter) => <Typography.Text code>{letter.error}</Typography.Text> }}
        columns={[
          { title: t({ zh: '消费者', en: 'Consumer' }), dataIndex: 'consumer' },
          { title: t({ zh: '事件', en: 'Event' }), dataIndex: 'subject' },
          { title: t({ zh: '尝试次数', en: 'Attempts' }), dataIndex: 'attempts' },
          { title: t({ zh: '进入死信', en: 'Dead since' }), render: (_, l) => formatInstant(l.createdAt, t.language) },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, l) =>
              l.resolvedAt ? (
                <Tag color="green" data-testid="letter-resolved">
                  {t({ zh: '已解决', en: 'resolved' })} {formatInstant(l.resolvedAt, t.language)}
                </Tag>
              ) : (
                <Tag color="red">{t({ zh: '未解决', en: 'open' })}</Tag>
              ),
          },
          {
            title: t({ zh: '操作', en: 'Action' }),
            render: (_, l) =>
              !l.resolvedAt && (
                <Button
                  size="small"
                  onClick={() => replay.mutate(l.id)}
                  loading={replay.isPending && replay.variables === l.id}
                >
                  {t({ zh: '重放', en: 'Replay' })}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
