import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { OUTCOME, serviceName } from './operator-labels';

/** The rehearsal clock: read it; on a rehearsal platform move it by a duration or to a time, and see each step fired. */
export function ClockPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [how, setHow] = useState<'advance' | 'to'>('advance');
  const clock = useQuery({
    queryKey: ['operator', 'clock'],
    queryFn: async () =>
      unwrap(
        // The middleware sets the page's language; the route declares the header it reads.
        await api.GET('/api/v1/operations/clock', { params: { header: { 'accept-language': 'zh-CN' } } }),
      ),
  });
  const move = useMutation({
    mutationFn: async (values: { value: string }) =>
      unwrap(
        await api.POST('/api/v1/operations/clock', {
          body: how === 'advance' ? { advance: values.value } : { to: new Date(values.value).toISOString() },
        }),
      ),
    // The banner on every page reads the platform clock too: it follows the move at once.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['operator', 'clock'] }),
        queryClient.invalidateQueries({ queryKey: ['platform-clock'] }),
      ]),
  });
  const data = clock.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t({ zh: '演练时钟', en: 'Rehearsal clock' })} loading={clock.isLoading}>
        {data && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t({ zh: '模式', en: 'Mode' })}>
              {data.rehearsal ? (
                <Tag color="purple">{t({ zh: '演练平台（虚拟时钟）', en: 'rehearsal (virtual clock)' })}</Tag>
              ) : (
                <Tag>{t({ zh: '真实时间', en: 'real time' })}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t({ zh: '平台时间', en: 'Platform time' })}>
              <span data-testid="clock-now">{formatInstant(data.now, t.language)}</span>
            </Descriptions.Item>
            {data.startedAt && (
              <Descriptions.Item label={t({ zh: '演练开始于', en: 'Rehearsal started at' })}>
                {formatInstant(data.startedAt, t.language)}
              </Descriptions.Item>
            )}
            {data.movedAt && (
              <Descriptions.Item label={t({ zh: '上次拨动', en: 'Last moved' })}>
                {data.movedBy} {formatInstant(data.movedAt, t.language)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t({ zh: '说明', en: 'About' })}>{data.detail}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {data?.rehearsal && (
        <Card title={t({ zh: '拨动时钟', en: 'Move the clock' })}>
          <Form layout="inline" onFinish={(values: { value: string }) => move.mutate(values)}>
            <Radio.Group value={how} onChange={(e) => setHow(e.target.value)} style={{ marginRight: 16 }}>
              <Radio.Button value="advance">{t({ zh: '前进一段时间', en: 'Advance by' })}</Radio.Button>
              <Radio.Button value="to">{t({ zh: '拨到某一时刻', en: 'Move to' })}</Radio.Button>
            </Radio.Group>
            <Form.Item name="value" rules={[{ required: true }]}>
              <Input
                style={{ width: 260 }}
                placeholder={
                  how === 'advance'
                    ? t({ zh: 'ISO 8601 时长，如 P7D、PT12H', en: 'ISO 8601 duration, e.g. P7D, PT12H' })
                    : '2026-10-20T09:00+08:00'
                }
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={move.isPending}>
              {t({ zh: '拨动', en: 'Move' })}
            </Button>
          </Form>
          {move.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={problemText(move.error)} />}
          {move.data && (
            <>
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 16 }}
                title={t({
                  zh: `已从 ${formatInstant(move.data.previous, 'zh')} 拨到 ${formatInstant(move.data.now, 'zh')}`,
                  en: `Moved from ${formatInstant(move.data.previous, 'en')} to ${formatInstant(move.data.now, 'en')}`,
                })}
                description={move.data.services
                  .map((s) => `${serviceName(s.service, t)}：${t(OUTCOME[s.status] ?? { zh: s.status, en: s.status })}`)
                  .join('；')}
              />
              <Table
                style={{ marginTop: 16 }}
                rowKey="at"
                size="small"
                pagination={false}
                dataSource={move.data.steps}
                columns={[
                  {
                    title: t({ zh: '停在', en: 'Stopped at' }),
                    render: (_, step) => formatInstant(step.at, t.language),
                  },
                  { title: t({ zh: '触发的期限任务', en: 'Deadline jobs fired' }), dataIndex: 'fired' },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
