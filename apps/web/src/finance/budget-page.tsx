import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { BarChart } from '../operator/bar-chart';
import { QueryState } from '../shared/query-state';
import { ACCOUNT_KIND } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { useTenantRoles } from '../shared/use-tenant-roles';
import { AppropriationModal } from './appropriation-modal';
import { formatYuan } from './yuan.util';

/** Budget years at a glance, the chosen year's accounts with their balances, and the appropriations loaded. */
export function BudgetPage() {
  const { tenantKey = '' } = useParams();
  // Loading an appropriation is finance's (the office reads the money).
  const keepsMoney = useTenantRoles(tenantKey).has('finance');
  const t = useT();
  const [chosen, setChosen] = useState<number>();
  const [loading, setLoading] = useState(false);
  const years = useQuery({
    queryKey: ['finance', tenantKey, 'budget-years'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/funds/budget-years', { params: { path: { tenantKey } } })),
  });
  const year = chosen ?? years.data?.budgetYears[0]?.budgetYear;
  const summary = years.data?.budgetYears.find((y) => y.budgetYear === year);
  const accounts = useQuery({
    queryKey: ['finance', tenantKey, 'accounts', year],
    enabled: year !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/budget-years/{budgetYear}/accounts', {
          params: { path: { tenantKey, budgetYear: year ?? 0 } },
        }),
      ),
  });
  const appropriations = useQuery({
    queryKey: ['finance', tenantKey, 'appropriations', year],
    enabled: year !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/appropriations', {
          params: { path: { tenantKey }, query: { budgetYear: year } },
        }),
      ),
  });
  const language = t.language;
  const figures = useMemo(
    () =>
      summary
        ? [
            { key: 'appropriated', label: { zh: '预算指标', en: 'Appropriated' }, fen: summary.appropriated },
            { key: 'obligated', label: { zh: '已列支', en: 'Obligated' }, fen: summary.obligated },
            { key: 'available', label: { zh: '可用指标', en: 'Available' }, fen: summary.available },
            { key: 'payable', label: { zh: '应付未付', en: 'Payable' }, fen: summary.payable },
            { key: 'pending', label: { zh: '待国库支付', en: 'Pending' }, fen: summary.pending },
            { key: 'paid', label: { zh: '已拨付', en: 'Paid' }, fen: summary.paid },
            { key: 'receivable', label: { zh: '应收追缴款', en: 'Receivable' }, fen: summary.receivable },
            { key: 'recovered', label: { zh: '已追回', en: 'Recovered' }, fen: summary.recovered },
            { key: 'returned', label: { zh: '已上缴国库', en: 'Returned' }, fen: summary.returned },
            { key: 'written-off', label: { zh: '已核销', en: 'Written off' }, fen: summary.writtenOff },
          ]
        : [],
    [summary],
  );
  // The chart is drawn again only when a figure or the language changes (yuan for display only: amounts stay fen).
  const chart = useMemo(
    () => ({
      categories: figures.map((f) => f.label[language]),
      series: [
        {
          name: language === 'zh' ? '金额（元）' : 'Yuan',
          values: figures.map((f) => f.fen / 100),
          color: '#d48806',
        },
      ],
    }),
    [figures, language],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t({ zh: '预算年度', en: 'Budget years' })}
        extra={
          <Space>
            {years.data && years.data.budgetYears.length > 0 && (
              <Segmented
                value={year}
                onChange={(value) => setChosen(Number(value))}
                options={years.data.budgetYears.map((y) => ({ value: y.budgetYear, label: `${y.budgetYear}` }))}
              />
            )}
            {keepsMoney && (
              <Button type="primary" onClick={() => setLoading(true)}>
                {t({ zh: '载入预算指标', en: 'Load an appropriation' })}
              </Button>
            )}
          </Space>
        }
      >
        <QueryState loading={years.isLoading} error={years.error}>
          {() =>
            summary ? (
              <>
                <Row gutter={16}>
                  {figures.map((f) => (
                    <Col span={4} key={f.key} style={{ marginBottom: 12 }}>
                      <Statistic
                        title={t(f.label)}
                        value={formatYuan(f.fen)}
                        suffix={t({ zh: '元', en: 'yuan' })}
                        data-testid={`figure-${f.key}`}
                      />
                    </Col>
                  ))}
                </Row>
                <Space style={{ marginTop: 8 }}>
                  {summary.balanced ? (
                    <Tag color="green">{t({ zh: '借贷平衡', en: 'Debits equal credits' })}</Tag>
                  ) : (
                    <Tag color="red">{t({ zh: '借贷不平衡', en: 'Out of balance' })}</Tag>
                  )}
                </Space>
                <BarChart categories={chart.categories} series={chart.series} height={240} testId="budget-chart" />
              </>
            ) : (
              <Empty description={t({ zh: '尚未载入预算指标', en: 'No appropriation loaded yet' })} />
            )
          }
        </QueryState>
      </Card>
      {year !== undefined && (
        <Card title={t({ zh: `${year}年度账户余额`, en: `Accounts of ${year}` })}>
          <QueryState loading={accounts.isLoading} error={accounts.error}>
            {() => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={accounts.data?.accounts ?? []}
                columns={[
                  {
                    title: t({ zh: '科目', en: 'Account' }),
                    render: (_, a) => <StatusTag table={ACCOUNT_KIND} status={a.kind} />,
                  },
                  { title: t({ zh: '收款单位', en: 'Recipient' }), render: (_, a) => a.recipientName ?? '—' },
                  {
                    title: t({ zh: '借方（已记账）', en: 'Debits posted' }),
                    align: 'right',
                    render: (_, a) => formatYuan(a.debitsPosted),
                  },
                  {
                    title: t({ zh: '借方（待支付）', en: 'Debits pending' }),
                    align: 'right',
                    render: (_, a) => formatYuan(a.debitsPending),
                  },
                  {
                    title: t({ zh: '贷方（已记账）', en: 'Credits posted' }),
                    align: 'right',
                    render: (_, a) => formatYuan(a.creditsPosted),
                  },
                  {
                    title: t({ zh: '贷方（待支付）', en: 'Credits pending' }),
                    align: 'right',
                    render: (_, a) => formatYuan(a.creditsPending),
                  },
                  {
                    title: t({ zh: '余额规则', en: 'Balance rule' }),
                    render: (_, a) =>
                      a.flags.debitsMustNotExceedCredits
                        ? t({ zh: '借方不得超过贷方', en: 'Debits ≤ credits' })
                        : a.flags.creditsMustNotExceedDebits
                          ? t({ zh: '贷方不得超过借方', en: 'Credits ≤ debits' })
                          : '—',
                  },
                ]}
              />
            )}
          </QueryState>
        </Card>
      )}
      {year !== undefined && (
        <Card title={t({ zh: '预算指标载入记录', en: 'Appropriations loaded' })}>
          <QueryState loading={appropriations.isLoading} error={appropriations.error}>
            {() => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={appropriations.data?.appropriations ?? []}
                columns={[
                  { title: t({ zh: '批复文件', en: 'Document' }), dataIndex: 'document' },
                  {
                    title: t({ zh: '金额（元）', en: 'Amount (yuan)' }),
                    align: 'right',
                    render: (_, a) => formatYuan(a.amountFen),
                  },
                  { title: t({ zh: '载入人', en: 'By' }), render: (_, a) => a.loadedBy ?? '—' },
                  { title: t({ zh: '载入时间', en: 'At' }), render: (_, a) => formatInstant(a.loadedAt, t.language) },
                ]}
              />
            )}
          </QueryState>
        </Card>
      )}
      <AppropriationModal
        tenantKey={tenantKey}
        open={loading}
        onClose={() => setLoading(false)}
        year={year ?? new Date().getFullYear()}
      />
    </Space>
  );
}
