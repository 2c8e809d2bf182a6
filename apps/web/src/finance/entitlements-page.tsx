import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { downloadWithSession } from '../shared/download-with-session.util';
import { QueryState } from '../shared/query-state';
import { DISBURSEMENT_STATUS, ENTITLEMENT_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { useTenantRoles } from '../shared/use-tenant-roles';
import { AmountDecisionModal, type Entitlement } from './amount-decision-modal';
import {
  type DisbursementTarget,
  InitiateDisbursementModal,
  ResolveDisbursementModal,
  type ResolveTarget,
} from './disbursement-modals';
import { EntitlementAmountCell, EntitlementReasonCell } from './entitlement-amount-cell';
import { formatYuan } from './yuan.util';

/** A column title kept on one line: the table is wide and short titles read badly broken into characters. */
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

const TIER = {
  award: { zh: '质量奖', en: 'Award' },
  nomination: { zh: '提名奖', en: 'Nomination' },
  excellence: { zh: '优秀奖', en: 'Excellence' },
  special: { zh: '特别奖', en: 'Special' },
} as const;

/**
 * The entitlements award decisions made: what each winner is owed, by which article, in which budget year, what is
 * paid, pending and still owed; and their disbursement in instalments (initiate, confirm, fail).
 */
export function EntitlementsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [initiating, setInitiating] = useState<DisbursementTarget | null>(null);
  const [resolving, setResolving] = useState<ResolveTarget | null>(null);
  const [deciding, setDeciding] = useState<Entitlement | null>(null);
  // The gateway lets finance keep the money (disburse, confirm) and finance or the office record a decided amount.
  const { has } = useTenantRoles(tenantKey);
  const keepsMoney = has('finance');
  const decidesAmounts = has('finance', 'office');
  const list = useQuery({
    queryKey: ['finance', tenantKey, 'entitlements'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/funds/entitlements', { params: { path: { tenantKey } } })),
  });
  return (
    <Card
      title={t({ zh: '奖补资金与拨付', en: 'Entitlements and disbursement' })}
      extra={
        <Button
          onClick={() =>
            downloadWithSession(`/api/v1/tenants/${tenantKey}/funds/entitlements.xlsx`, 'entitlements.xlsx')
          }
        >
          {t({ zh: '导出 Excel', en: 'Export .xlsx' })}
        </Button>
      }
    >
      <QueryState loading={list.isLoading} error={list.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.entitlements ?? []}
            locale={{ emptyText: t({ zh: '尚无表彰决定产生的奖补资金', en: 'No entitlements yet' }) }}
            expandable={{
              rowExpandable: (e) => e.disbursements.length > 0,
              expandedRowRender: (e) => (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={e.disbursements}
                  columns={[
                    { title: t({ zh: '付款凭证', en: 'Voucher' }), dataIndex: 'voucher' },
                    {
                      title: t({ zh: '金额（元）', en: 'Amount (yuan)' }),
                      align: 'right',
                      render: (_, d) => formatYuan(d.amountFen),
                    },
                    {
                      title: nowrap(t({ zh: '状态', en: 'Status' })),
                      render: (_, d) => <StatusTag table={DISBURSEMENT_STATUS} status={d.status} />,
                    },
                    {
                      title: t({ zh: '发起', en: 'Initiated' }),
                      render: (_, d) => `${d.initiatedBy ?? '—'} ${formatInstant(d.initiatedAt, t.language)}`,
                    },
                    {
                      title: t({ zh: '处理', en: 'Settled' }),
                      render: (_, d) =>
                        d.resolvedAt
                          ? `${d.resolvedBy ?? '—'} ${formatInstant(d.resolvedAt, t.language)} ${d.treasuryReference ?? d.failureReason ?? ''}`
                          : '—',
                    },
                    {
                      title: t({ zh: '操作', en: 'Actions' }),
                      render: (_, d) =>
                        keepsMoney &&
                        d.status === 'pending' && (
                          <Space>
                            <Button
                              size="small"
                              type="primary"
                              onClick={() =>
                                setResolving({
                                  disbursementId: d.id,
                                  action: 'confirm',
                                  amountFen: d.amountFen,
                                  applicantName: e.applicantName,
                                })
                              }
                            >
                              {t({ zh: '确认支付', en: 'Confirm' })}
                            </Button>
                            <Button
                              size="small"
                              danger
                              onClick={() =>
                                setResolving({
                                  disbursementId: d.id,
                                  action: 'fail',
                                  amountFen: d.amountFen,
                                  applicantName: e.applicantName,
                                })
                              }
                            >
                              {t({ zh: '支付失败', en: 'Failed' })}
                            </Button>
                          </Space>
                        ),
                    },
                  ]}
                />
              ),
            }}
            columns={[
              {
                title: t({ zh: '获奖单位', en: 'Winner' }),
                fixed: 'left',
                render: (_, e) => <div style={{ minWidth: 110, maxWidth: 150 }}>{e.applicantName}</div>,
              },
              {
                title: nowrap(t({ zh: '奖项', en: 'Tier' })),
                render: (_, e) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {`${t({ zh: `第${e.cycleNumber}届`, en: `Cycle ${e.cycleNumber}` })} ${t(TIER[e.tier])}`}
                  </span>
                ),
              },
              { title: nowrap(t({ zh: '预算年度', en: 'Budget year' })), dataIndex: 'budgetYear' },
              {
                title: t({ zh: '应得（元）', en: 'Due (yuan)' }),
                align: 'right',
                render: (_, e) => <EntitlementAmountCell entitlement={e} />,
              },
              {
                title: nowrap(t({ zh: '状态', en: 'Status' })),
                render: (_, e) => (
                  <Tooltip title={t(e.reason)}>
                    <span>
                      <StatusTag table={ENTITLEMENT_STATUS} status={e.status} />
                    </span>
                  </Tooltip>
                ),
              },
              {
                title: nowrap(t({ zh: '依据', en: 'Basis' })),
                render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{e.basis ?? '—'}</span>,
              },
              { title: t({ zh: '说明', en: 'Reason' }), render: (_, e) => <EntitlementReasonCell entitlement={e} /> },
              {
                title: nowrap(t({ zh: '已拨付', en: 'Paid' })),
                align: 'right',
                render: (_, e) => formatYuan(e.paidFen),
              },
              {
                title: nowrap(t({ zh: '待支付', en: 'Pending' })),
                align: 'right',
                render: (_, e) => formatYuan(e.pendingFen),
              },
              {
                title: nowrap(t({ zh: '尚未拨付', en: 'Owed' })),
                align: 'right',
                render: (_, e) => formatYuan(e.outstandingFen),
              },
              {
                title: t({ zh: '操作', en: 'Actions' }),
                fixed: 'right',
                render: (_, e) =>
                  e.status === 'amount_undecided'
                    ? decidesAmounts && (
                        <Button size="small" type="primary" onClick={() => setDeciding(e)}>
                          {t({ zh: '记录金额决定', en: 'Record amount' })}
                        </Button>
                      )
                    : keepsMoney &&
                      e.status === 'obligated' &&
                      e.outstandingFen > 0 && (
                        <Button
                          size="small"
                          onClick={() =>
                            setInitiating({
                              entitlementId: e.id,
                              applicantName: e.applicantName,
                              outstandingFen: e.outstandingFen,
                            })
                          }
                        >
                          {t({ zh: '发起拨付', en: 'Disburse' })}
                        </Button>
                      ),
              },
            ]}
          />
        )}
      </QueryState>
      <InitiateDisbursementModal tenantKey={tenantKey} target={initiating} onClose={() => setInitiating(null)} />
      <ResolveDisbursementModal tenantKey={tenantKey} target={resolving} onClose={() => setResolving(null)} />
      <AmountDecisionModal tenantKey={tenantKey} target={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
