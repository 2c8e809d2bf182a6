import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Select, Statistic, Steps, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { formatDate, formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { APPLICATION_STATUS } from '../../shared/status-labels';
import { StatusTag } from '../../shared/status-tag';
import { DeadlinesCard } from './deadlines-card';

/**
 * The console's landing page, the cycle at a glance: the policy's stages as a timeline with how many applications
 * stand at each, the count per status, the deadlines due this week and the overdue cases.
 */
export function CyclePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [chosen, setChosen] = useState<number | undefined>();
  const cycles = useQuery({
    queryKey: ['office', tenantKey, 'cycles'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/cycles', { params: { path: { tenantKey } } })).cycles,
  });
  const all = [...(cycles.data ?? [])].sort((a, b) => b.number - a.number);
  const cycle = all.find((c) => c.number === chosen) ?? all.find((c) => c.status === 'open') ?? all[0];
  const counts = useQuery({
    queryKey: ['office', tenantKey, 'application-counts', cycle?.number],
    enabled: cycle !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications/counts', {
          params: { path: { tenantKey }, query: { cycle: cycle?.number } },
        }),
      ),
  });
  const atStage = new Map((counts.data?.byStage ?? []).map((s) => [s.stage, s.count]));
  const schedule = [...(cycle?.schedule ?? [])].sort((a, b) => a.order - b.order);
  const current = schedule.findIndex((s) => (atStage.get(s.key) ?? 0) > 0);
  return (
    <QueryState loading={cycles.isLoading} error={cycles.error}>
      {() =>
        !cycle ? (
          <Card title={t({ zh: '本届概况', en: 'The cycle at a glance' })}>
            <Empty description={t({ zh: '尚未开启评选周期', en: 'No cycle has been opened yet' })} />
          </Card>
        ) : (
          <>
            <Card
              title={`${t({ zh: '本届概况', en: 'The cycle at a glance' })} · 第${cycle.number}届（${cycle.year}）`}
              extra={
                <Select
                  style={{ width: 180 }}
                  value={cycle.number}
                  onChange={setChosen}
                  options={all.map((c) => ({ value: c.number, label: `第${c.number}届（${c.year}）` }))}
                />
              }
              style={{ marginBottom: 24 }}
            >
              <Row gutter={24} style={{ marginBottom: 24 }}>
                <Col span={6}>
                  <Statistic title={t({ zh: '申报总数', en: 'Applications' })} value={counts.data?.total ?? 0} />
                </Col>
                <Col span={6}>
                  <Statistic
                    title={t({ zh: '申报期', en: 'Application window' })}
                    value={`${formatDate(cycle.opensOn, t.language)} — ${formatDate(cycle.closesOn, t.language)}`}
                    valueStyle={{ fontSize: 16 }}
                  />
                </Col>
                <Col span={6}>
                  <Statistic
                    title={t({ zh: '状态', en: 'Status' })}
                    value={
                      cycle.status === 'open' ? t({ zh: '进行中', en: 'Open' }) : t({ zh: '已结束', en: 'Closed' })
                    }
                    valueStyle={{ fontSize: 16 }}
                  />
                </Col>
                <Col span={6}>
                  <Statistic
                    title={t({ zh: '政策版本', en: 'Policy version' })}
                    value={`v${cycle.policyVersion}`}
                    valueStyle={{ fontSize: 16 }}
                  />
                </Col>
              </Row>
              <Steps
                data-testid="cycle-timeline"
                size="small"
                direction="vertical"
                current={current < 0 ? 0 : current}
                items={schedule.map((s) => ({
                  title: t(s.name),
                  subTitle: atStage.get(s.key) ? (
                    <Link to={`/office/${tenantKey}/applications?stage=${s.key}`}>
                      <Tag color="blue">{atStage.get(s.key)}</Tag>
                    </Link>
                  ) : undefined,
                  description: `${s.actor ? `${t(s.actor)} · ` : ''}${s.basis}`,
                }))}
              />
            </Card>
            <Row gutter={24}>
              <Col xs={24} xl={10}>
                <Card title={t({ zh: '各状态申报数', en: 'Applications per status' })} data-testid="status-counts">
                  <List
                    size="small"
                    dataSource={counts.data?.byStatus ?? []}
                    locale={{ emptyText: t({ zh: '本届暂无申报', en: 'No application in this cycle' }) }}
                    renderItem={(row) => (
                      <List.Item
                        actions={[
                          <Link key="queue" to={`/office/${tenantKey}/applications?status=${row.status}`}>
                            {row.count}
                          </Link>,
                        ]}
                      >
                        <StatusTag table={APPLICATION_STATUS} status={row.status} />
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <DeadlinesCard tenantKey={tenantKey} />
              </Col>
            </Row>
            <div style={{ color: '#888', marginTop: 12 }}>
              {t({ zh: '开启于 ', en: 'Opened ' })}
              {formatInstant(cycle.openedAt, t.language)}
            </div>
          </>
        )
      }
    </QueryState>
  );
}
