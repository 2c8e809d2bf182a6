import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Descriptions, Table, Tag } from 'antd';
import { api } from '../api/api-client';
import type { ResponseOf } from '../api/api-types';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { serviceName } from './operator-labels';

type Health = ResponseOf<'/api/v1/health', 'get'>;

const STATUS = {
  up: { color: 'success', zh: '正常', en: 'up' },
  degraded: { color: 'warning', zh: '降级', en: 'degraded' },
  down: { color: 'error', zh: '停止', en: 'down' },
} as const;

const SUPERVISED = {
  starting: { zh: '启动中', en: 'starting' },
  running: { zh: '运行中', en: 'running' },
  restarting: { zh: '重启中', en: 'restarting' },
  crash_loop: { zh: '反复崩溃', en: 'crash loop' },
  failed: { zh: '失败', en: 'failed' },
  stopping: { zh: '停止中', en: 'stopping' },
  stopped: { zh: '已停止', en: 'stopped' },
} as const;

/** Every service's health (database, Redis, NATS) and, under `npm start`, what its supervisor saw. */
export function HealthPage() {
  const t = useT();
  const health = useQuery({
    queryKey: ['operator', 'health'],
    refetchInterval: 10000,
    // A platform that is down answers 503 with the same document.
    queryFn: async () => {
      const answer = await api.GET('/api/v1/health');
      return (answer.data ?? answer.error) as Health;
    },
  });
  return (
    <QueryState loading={health.isLoading} error={health.error}>
      {() => {
        const data = health.data as Health;
        const overall = STATUS[data.status];
        return (
          <Card
            title={t({ zh: '服务健康', en: 'Service health' })}
            extra={
              <span data-testid="platform-status">
                <Badge status={overall.color} text={t(overall)} />
                <span style={{ marginLeft: 12, color: '#888' }}>
                  {t({ zh: '检查于', en: 'Checked at' })} {formatInstant(data.checkedAt, t.language)}
                </span>
              </span>
            }
          >
            <Table
              rowKey="service"
              pagination={false}
              dataSource={data.services}
              columns={[
                { title: t({ zh: '服务', en: 'Service' }), render: (_, s) => serviceName(s.service, t) },
                {
                  title: t({ zh: '状态', en: 'Status' }),
                  render: (_, s) => <Badge status={STATUS[s.status].color} text={t(STATUS[s.status])} />,
                },
                {
                  title: t({ zh: '依赖', en: 'Dependencies' }),
                  render: (_, s) =>
                    Object.entries(s.dependencies).map(([name, dependency]) => (
                      <Tag key={name} color={dependency.status === 'up' ? 'green' : 'red'}>
                        {name}
                      </Tag>
                    )),
                },
                { title: t({ zh: '版本', en: 'Version' }), dataIndex: 'version' },
                {
                  title: t({ zh: '已运行', en: 'Uptime' }),
                  render: (_, s) => `${Math.floor(s.uptimeSeconds / 60)} ${t({ zh: '分钟', en: 'min' })}`,
                },
              ]}
            />
            <Descriptions
              style={{ marginTop: 24 }}
              title={t({ zh: '进程监护（npm start 的监护进程）', en: 'Supervision (the npm start supervisor)' })}
              bordered
              size="small"
              column={1}
            >
              {(data.supervision ?? []).map((app) => (
                <Descriptions.Item key={app.service} label={serviceName(app.service, t)}>
                  {t(SUPERVISED[app.state])}，{t({ zh: '重启', en: 'restarts' })} {app.restarts}
                  {app.lastExit &&
                    `，${t({ zh: '上次退出', en: 'last exit' })} ${formatInstant(app.lastExit.at, t.language)}（${
                      app.lastExit.signal ?? app.lastExit.code
                    }）`}
                </Descriptions.Item>
              ))}
              {!data.supervision && (
                <Descriptions.Item label={t({ zh: '监护', en: 'Supervision' })}>
                  {t({
                    zh: '未在监护进程下运行（例如测试或容器编排）',
                    en: 'Not running under the supervisor (e.g. tests or an orchestrator)',
                  })}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        );
      }}
    </QueryState>
  );
}
