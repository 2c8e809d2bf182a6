import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { downloadWithSession } from '../shared/download-with-session.util';
import { QueryState } from '../shared/query-state';
import { ACCOUNT_KIND } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { BudgetYearSwitch } from './budget-year-switch';
import { useBudgetYear } from './use-budget-year';
import { formatYuan } from './yuan.util';

/**
 * The ledger's trial balance (试算平衡表) of a budget year on one page: every account's posted and pending sums as
 * kept, whether they match its transfers, the totals, and whether debits equal credits (ADR 0022).
 */
export function TrialBalancePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { years, year, choose, choices } = useBudgetYear(tenantKey);
  const balance = useQuery({
    queryKey: ['finance', tenantKey, 'trial-balance', year],
    enabled: year !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/budget-years/{budgetYear}/trial-balance', {
          params: { path: { tenantKey, budgetYear: year ?? 0 } },
        }),
      ),
  });
  const data = balance.data;
  return (
    <Card
      title={t({ zh: '试算平衡表', en: 'Trial balance' })}
      extra={
        <Space>
          <BudgetYearSwitch year={year} choices={choices} onChange={choose} />
          {year !== undefined && (
            <Button
              onClick={() =>
                downloadWithSession(
                  `/api/v1/tenants/${tenantKey}/funds/budget-years/${year}/trial-balance.xlsx`,
                  `trial-balance-${year}.xlsx`,
                )
              }
            >
              {t({ zh: '导出 Excel', en: 'Export .xlsx' })}
            </Button>
          )}
        </Space>
      }
    >
      <QueryState loading={years.isLoading || balance.isLoading} error={years.error ?? balance.error}>
        {() =>
          data ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                {data.balanced ? (
                  <Tag color="green">{t({ zh: '借贷平衡', en: 'Debits equal credits' })}</Tag>
                ) : (
                  <Tag color="red">{t({ zh: '借贷不平衡', en: 'Out of balance' })}</Tag>
                )}
                <span>{t({ zh: `共 ${data.transferCount} 笔分录`, en: `${data.transferCount} transfers` })}</span>
              </Space>
              <Table
                rowKey="accountId"
                size="small"
                pagination={false}
                dataSource={data.rows}
                data-testid="trial-balance"
                columns={[
                  {
                    title: t({ zh: '账户', en: 'Account' }),
                    render: (_, r) => <StatusTag table={ACCOUNT_KIND} status={r.kind} />,
                  },
                  { title: t({ zh: '收款单位', en: 'Recipient' }), render: (_, r) => r.recipientName ?? '—' },
                  {
                    title: t({ zh: '借方发生额（元）', en: 'Debits' }),
                    align: 'right',
                    render: (_, r) => formatYuan(r.debitsPosted),
                  },
                  {
                    title: t({ zh: '贷方发生额（元）', en: 'Credits' }),
                    align: 'right',
                    render: (_, r) => formatYuan(r.creditsPosted),
                  },
                  {
                    title: t({ zh: '未达借方（元）', en: 'Pending debits' }),
                    align: 'right',
                    render: (_, r) => formatYuan(r.debitsPending),
                  },
                  {
                    title: t({ zh: '未达贷方（元）', en: 'Pending credits' }),
                    align: 'right',
                    render: (_, r) => formatYuan(r.creditsPending),
                  },
                  {
                    title: t({ zh: '余额（元）', en: 'Balance' }),
                    align: 'right',
                    render: (_, r) =>
                      r.balance < 0
                        ? `${t({ zh: '贷', en: 'Cr' })} ${formatYuan(-r.balance)}`
                        : `${t({ zh: '借', en: 'Dr' })} ${formatYuan(r.balance)}`,
                  },
                  {
                    title: t({ zh: '与分录核对', en: 'Matches transfers' }),
                    render: (_, r) =>
                      r.matchesTransfers ? (
                        <Tag color="green">{t({ zh: '相符', en: 'Yes' })}</Tag>
                      ) : (
                        <Tag color="red">{t({ zh: '不符', en: 'No' })}</Tag>
                      ),
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      {t({ zh: '合计', en: 'Totals' })}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {formatYuan(data.totals.debitsPosted)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {formatYuan(data.totals.creditsPosted)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {formatYuan(data.totals.debitsPending)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      {formatYuan(data.totals.creditsPending)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} colSpan={2} />
                  </Table.Summary.Row>
                )}
              />
            </Space>
          ) : (
            <Empty description={t({ zh: '尚未载入预算指标', en: 'No appropriation loaded yet' })} />
          )
        }
      </QueryState>
    </Card>
  );
}
