import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Space, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { EVALUATION_RATING, USE_REPORT_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { reportActionLabel } from '../shared/use-report-actions';
import { useTenantRoles } from '../shared/use-tenant-roles';
import { type UseAction, UseActionModal } from './use-action-modal';
import { formatYuan } from './yuan.util';

const DECIDABLE = new Set(['submitted', 'resubmitted']);

/**
 * The use of award money (inner-mongolia 第十九条, xinzhou-city 第二十二条): every obligated entitlement with what was
 * paid and reported; one in a drawer with the report's lines and history, finance's acceptance or query (with
 * reasons), and the grant's performance evaluation where the policy asks for one. The office reads.
 */
export function UseReportsPage() {
  const { tenantKey = '' } = useParams();
  // Accepting, querying and evaluating are finance's (the office reads the reports).
  const keepsMoney = useTenantRoles(tenantKey).has('finance');
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [action, setAction] = useState<UseAction | null>(null);
  const list = useQuery({
    queryKey: ['finance', tenantKey, 'use-reports'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/funds/use-reports', { params: { path: { tenantKey } } })),
  });
  const current = list.data?.items.find((item) => item.entitlement.id === selected) ?? null;
  return (
    <Card title={t({ zh: '资金使用报告与绩效评价', en: 'Use of award money and performance evaluation' })}>
      <QueryState loading={list.isLoading} error={list.error}>
        {() => (
          <Table
            rowKey={(item) => item.entitlement.id}
            size="small"
            pagination={false}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t({ zh: '尚无已列支的奖补资金', en: 'No obligated entitlement' }) }}
            onRow={(item) => ({ onClick: () => setSelected(item.entitlement.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t({ zh: '获奖单位', en: 'Winner' }), render: (_, item) => item.entitlement.applicantName },
              { title: t({ zh: '届次', en: 'Cycle' }), render: (_, item) => item.entitlement.cycleNumber },
              { title: t({ zh: '预算年度', en: 'Budget year' }), render: (_, item) => item.entitlement.budgetYear },
              {
                title: t({ zh: '已拨付（元）', en: 'Paid' }),
                align: 'right',
                render: (_, item) => formatYuan(item.entitlement.paidFen),
              },
              {
                title: t({ zh: '报告使用（元）', en: 'Reported' }),
                align: 'right',
                render: (_, item) => (item.report ? formatYuan(item.report.totalFen) : '—'),
              },
              {
                title: t({ zh: '使用报告', en: 'Use report' }),
                render: (_, item) =>
                  item.rules === null ? (
                    t({ zh: '无须报告（办法未规定用途）', en: 'None owed' })
                  ) : item.report ? (
                    <StatusTag table={USE_REPORT_STATUS} status={item.report.status} />
                  ) : (
                    t({ zh: '未报送', en: 'Not yet' })
                  ),
              },
              {
                title: t({ zh: '绩效评价', en: 'Evaluation' }),
                render: (_, item) =>
                  item.evaluation ? (
                    <StatusTag table={EVALUATION_RATING} status={item.evaluation.rating} />
                  ) : item.rules?.performanceEvaluation ? (
                    t({ zh: '待评价', en: 'To record' })
                  ) : (
                    '—'
                  ),
              },
              { title: t({ zh: '依据', en: 'Basis' }), render: (_, item) => item.rules?.basis ?? '—' },
            ]}
          />
        )}
      </QueryState>
      <Drawer
        open={current !== null}
        onClose={() => setSelected(null)}
        size="large"
        title={current ? `${t({ zh: '资金使用', en: 'Use of money' })}：${current.entitlement.applicantName}` : ''}
      >
        {current && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {current.rules && (
              <Alert
                type="info"
                title={t({
                  zh: `资金${current.rules.restricted ? '限定' : '主要'}用于：${current.rules.purposes.map((p) => p.name.zh).join('、')}${current.rules.restricted ? '，不得挪作他用' : '等'}（${current.rules.basis}）`,
                  en: `${current.rules.restricted ? 'Restricted to' : 'Mainly for'}: ${current.rules.purposes.map((p) => p.name.en).join(', ')} (${current.rules.basis})`,
                })}
              />
            )}
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t({ zh: '奖补金额（元）', en: 'Amount' })}>
                {current.entitlement.amountFen === null ? '—' : formatYuan(current.entitlement.amountFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '已拨付（元）', en: 'Paid' })}>
                {formatYuan(current.entitlement.paidFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '使用报告', en: 'Report' })}>
                {current.report ? <StatusTag table={USE_REPORT_STATUS} status={current.report.status} /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '报告使用（元）', en: 'Reported' })}>
                {formatYuan(current.report?.totalFen ?? 0)}
              </Descriptions.Item>
            </Descriptions>
            {current.report && (
              <Table
                size="small"
                pagination={false}
                rowKey={(_, index) => String(index)}
                dataSource={current.report.lines}
                columns={[
                  { title: t({ zh: '用途', en: 'Purpose' }), render: (_, line) => t(line.purposeName) },
                  { title: t({ zh: '具体内容', en: 'Description' }), dataIndex: 'description' },
                  {
                    title: t({ zh: '金额（元）', en: 'CNY' }),
                    align: 'right',
                    render: (_, line) => formatYuan(line.amountFen),
                  },
                ]}
              />
            )}
            {keepsMoney && (
              <Space wrap>
                <Button
                  type="primary"
                  disabled={!current.report || !DECIDABLE.has(current.report.status)}
                  onClick={() => setAction('accept')}
                >
                  {t({ zh: '认可', en: 'Accept' })}
                </Button>
                <Button
                  disabled={!current.report || !DECIDABLE.has(current.report.status)}
                  onClick={() => setAction('query')}
                >
                  {t({ zh: '质询', en: 'Query' })}
                </Button>
                {current.rules?.performanceEvaluation && (
                  <Button disabled={current.evaluation !== null} onClick={() => setAction('evaluate')}>
                    {t({ zh: '记录绩效评价', en: 'Record the evaluation' })}
                  </Button>
                )}
              </Space>
            )}
            {current.evaluation && (
              <Descriptions
                title={t({ zh: '绩效评价', en: 'Performance evaluation' })}
                column={2}
                size="small"
                bordered
              >
                <Descriptions.Item label={t({ zh: '评价等级', en: 'Rating' })}>
                  <StatusTag table={EVALUATION_RATING} status={current.evaluation.rating} />
                  {current.evaluation.score !== null && ` ${current.evaluation.score}`}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '评价日期', en: 'Evaluated on' })}>
                  {current.evaluation.evaluatedOn}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '评价单位', en: 'Evaluator' })}>
                  {current.evaluation.evaluator}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '评价报告', en: 'Report' })}>
                  {current.evaluation.document}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '结论', en: 'Conclusion' })} span={2}>
                  {current.evaluation.conclusion}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '记录人', en: 'Recorded by' })} span={2}>
                  {`${current.evaluation.recordedBy ?? '—'}，${formatInstant(current.evaluation.recordedAt, t.language)}（${current.evaluation.basis}）`}
                </Descriptions.Item>
              </Descriptions>
            )}
            {current.report && (
              <Table
                size="small"
                pagination={false}
                rowKey={(step) => `${step.at}-${step.action}`}
                dataSource={current.report.history}
                columns={[
                  { title: t({ zh: '时间', en: 'When' }), render: (_, step) => formatInstant(step.at, t.language) },
                  {
                    title: t({ zh: '操作', en: 'Step' }),
                    render: (_, step) => t(reportActionLabel(step.action)),
                  },
                  { title: t({ zh: '操作人', en: 'Who' }), render: (_, step) => step.actor ?? '—' },
                  { title: t({ zh: '说明', en: 'Note' }), render: (_, step) => step.note ?? '' },
                ]}
              />
            )}
          </Space>
        )}
      </Drawer>
      <UseActionModal
        tenantKey={tenantKey}
        entitlementId={current?.entitlement.id ?? null}
        applicantName={current?.entitlement.applicantName ?? ''}
        action={action}
        onClose={() => setAction(null)}
      />
    </Card>
  );
}
