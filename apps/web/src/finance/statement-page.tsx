import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { downloadWithSession } from '../shared/download-with-session.util';
import { QueryState } from '../shared/query-state';
import { ACCOUNT_KIND } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { BudgetYearSwitch } from './budget-year-switch';
import { useBudgetYear } from './use-budget-year';
import { formatYuan } from './yuan.util';

/**
 * A recipient's statement (对账单) for a budget year: what it was entitled to, paid, pending, claimed back, recovered
 * and written off, and every transfer on its accounts. The recipients are the winners with an entitlement that year.
 */
export function StatementPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { years, year, choose, choices } = useBudgetYear(tenantKey);
  const [recipient, setRecipient] = useState<string>();
  const entitlements = useQuery({
    queryKey: ['finance', tenantKey, 'entitlements', year],
    enabled: year !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/entitlements', {
          params: { path: { tenantKey }, query: { budgetYear: year } },
        }),
      ),
  });
  const recipients = [
    ...new Map((entitlements.data?.entitlements ?? []).map((e) => [e.applicantId, e.applicantName])).entries(),
  ];
  const statement = useQuery({
    queryKey: ['finance', tenantKey, 'statement', year, recipient],
    enabled: year !== undefined && recipient !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/budget-years/{budgetYear}/statements/{recipientId}', {
          params: { path: { tenantKey, budgetYear: year ?? 0, recipientId: recipient ?? '' } },
        }),
      ),
  });
  const data = statement.data;
  const figures = data
    ? [
        { key: 'entitled', label: { zh: '应得', en: 'Entitled' }, fen: data.entitled },
        { key: 'paid', label: { zh: '已拨付', en: 'Paid' }, fen: data.paid },
        { key: 'pending', label: { zh: '待国库支付', en: 'Pending' }, fen: data.pending },
        { key: 'demanded', label: { zh: '应追缴', en: 'Claimed back' }, fen: data.demanded },
        { key: 'recovered', label: { zh: '已追回', en: 'Recovered' }, fen: data.recovered },
        { key: 'written-off', label: { zh: '已核销', en: 'Written off' }, fen: data.writtenOff },
      ]
    : [];
  return (
    <Card
      title={t({ zh: '收款单位对账单', en: 'Statement per recipient' })}
      extra={
        <Space>
          <Select
            style={{ minWidth: 260 }}
            placeholder={t({ zh: '选择收款单位', en: 'Choose a recipient' })}
            value={recipient}
            onChange={setRecipient}
            options={recipients.map(([value, label]) => ({ value, label }))}
            aria-label={t({ zh: '收款单位', en: 'Recipient' })}
          />
          <BudgetYearSwitch year={year} choices={choices} onChange={choose} />
          {year !== undefined && recipient !== undefined && (
            <Button
              onClick={() =>
                downloadWithSession(
                  `/api/v1/tenants/${tenantKey}/funds/budget-years/${year}/statements/${recipient}/statement.xlsx`,
                  `statement-${year}.xlsx`,
                )
              }
            >
              {t({ zh: '导出 Excel', en: 'Export .xlsx' })}
            </Button>
          )}
        </Space>
      }
    >
      <QueryState loading={years.isLoading || statement.isLoading} error={years.error ?? statement.error}>
        {() =>
          data ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Row gutter={16}>
                {figures.map((f) => (
                  <Col span={4} key={f.key}>
                    <Statistic
                      title={t(f.label)}
                      value={formatYuan(f.fen)}
                      suffix={t({ zh: '元', en: 'yuan' })}
                      data-testid={`statement-${f.key}`}
                    />
                  </Col>
                ))}
              </Row>
              <Table
                rowKey={(l) => `${l.transferId}-${l.phase}`}
                size="small"
                pagination={false}
                dataSource={data.lines}
                columns={[
                  { title: t({ zh: '时间', en: 'When' }), render: (_, l) => formatInstant(l.at, t.language) },
                  {
                    title: t({ zh: '借方', en: 'Debit' }),
                    render: (_, l) => <StatusTag table={ACCOUNT_KIND} status={l.debit} />,
                  },
                  {
                    title: t({ zh: '贷方', en: 'Credit' }),
                    render: (_, l) => <StatusTag table={ACCOUNT_KIND} status={l.credit} />,
                  },
                  {
                    title: t({ zh: '金额（元）', en: 'Amount' }),
                    align: 'right',
                    render: (_, l) => formatYuan(l.amountFen),
                  },
                  { title: t({ zh: '凭证', en: 'Reference' }), dataIndex: 'reference' },
                  { title: t({ zh: '经办人', en: 'By' }), render: (_, l) => l.actor ?? '—' },
                ]}
              />
            </Space>
          ) : (
            <Empty description={t({ zh: '请选择收款单位', en: 'Choose a recipient' })} />
          )
        }
      </QueryState>
    </Card>
  );
}
