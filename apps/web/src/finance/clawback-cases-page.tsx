import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Space, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';
import { downloadWithSession } from '../shared/download-with-session.util';
import { QueryState } from '../shared/query-state';
import { CLAWBACK_CASE_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { useTenantRoles } from '../shared/use-tenant-roles';
import { type ClawbackAction, ClawbackActionModal, type ClawbackTarget } from './clawback-action-modal';
import { formatYuan } from './yuan.util';

// Which actions a case in each status offers, as the funds service's lifecycle allows them (it decides).
const COLLECTING = new Set(['opened', 'demanded', 'instalments', 'overdue']);
const AGREEABLE = new Set(['demanded', 'overdue']);

/** The history's actions (the lifecycle's names) as finance offices say them. */
const ACTION: Record<string, Bilingual> = {
  open: { zh: '立案', en: 'Opened' },
  decline: { zh: '不予立案', en: 'Not opened' },
  demand: { zh: '发出追缴通知', en: 'Demanded' },
  recover: { zh: '部分追回', en: 'Recovered in part' },
  recover_in_full: { zh: '全部追回', en: 'Recovered in full' },
  agree_instalments: { zh: '分期还款协议', en: 'Instalment agreement' },
  remind: { zh: '到期提醒', en: 'Reminded' },
  mark_overdue: { zh: '逾期', en: 'Overdue' },
  write_off: { zh: '核销', en: 'Written off' },
  return: { zh: '上缴国库', en: 'Returned to the treasury' },
};

/**
 * Clawback cases (追缴, ADR 0029) opened from revocations, and those not opened with why; one case in a drawer with
 * its amounts, history and demand letter, and finance's actions: due date, recovery, instalment agreement,
 * write-off with approval, return to the treasury.
 */
export function ClawbackCasesPage() {
  const { tenantKey = '' } = useParams();
  // Working a case is finance's (the office reads it and its letter).
  const keepsMoney = useTenantRoles(tenantKey).has('finance');
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [target, setTarget] = useState<ClawbackTarget | null>(null);
  const list = useQuery({
    queryKey: ['finance', tenantKey, 'clawback-cases'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/clawback-cases', {
          params: { path: { tenantKey } },
        }),
      ),
  });
  const current = list.data?.cases.find((c) => c.id === selected) ?? null;
  const act = (action: ClawbackAction) =>
    current &&
    setTarget({
      caseId: current.id,
      action,
      applicantName: current.applicantName,
      outstandingFen: current.outstandingFen,
      unreturnedFen: current.recoveredFen - current.returnedFen,
    });
  return (
    <Card title={t({ zh: '追缴案件', en: 'Clawback cases' })}>
      <QueryState loading={list.isLoading} error={list.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={list.data?.cases ?? []}
            locale={{
              emptyText: t({
                zh: '尚无撤销表彰引起的追缴',
                en: 'No clawback cases',
              }),
            }}
            onRow={(c) => ({
              onClick: () => setSelected(c.id),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                title: t({ zh: '追缴对象', en: 'From' }),
                dataIndex: 'applicantName',
              },
              {
                title: t({ zh: '届次', en: 'Cycle' }),
                render: (_, c) => c.cycleNumber,
              },
              {
                title: t({ zh: '状态', en: 'Status' }),
                render: (_, c) => <StatusTag table={CLAWBACK_CASE_STATUS} status={c.status} />,
              },
              { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
              {
                title: t({ zh: '应追缴（元）', en: 'Demanded' }),
                align: 'right',
                render: (_, c) => formatYuan(c.amountFen),
              },
              {
                title: t({ zh: '已追回', en: 'Recovered' }),
                align: 'right',
                render: (_, c) => formatYuan(c.recoveredFen),
              },
              {
                title: t({ zh: '已核销', en: 'Written off' }),
                align: 'right',
                render: (_, c) => formatYuan(c.writtenOffFen),
              },
              {
                title: t({ zh: '已上缴', en: 'Returned' }),
                align: 'right',
                render: (_, c) => formatYuan(c.returnedFen),
              },
              {
                title: t({ zh: '尚未追回', en: 'Outstanding' }),
                align: 'right',
                render: (_, c) => formatYuan(c.outstandingFen),
              },
              {
                title: t({ zh: '缴款期限', en: 'Due' }),
                render: (_, c) => c.dueOn ?? '—',
              },
            ]}
          />
        )}
      </QueryState>
      <Drawer
        open={current !== null}
        onClose={() => setSelected(null)}
        size="large"
        title={current ? `${t({ zh: '追缴案件', en: 'Clawback case' })}：${current.applicantName}` : ''}
      >
        {current && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Alert type={current.status === 'not_opened' ? 'info' : 'warning'} title={t(current.reason)} />
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t({ zh: '状态', en: 'Status' })}>
                <StatusTag table={CLAWBACK_CASE_STATUS} status={current.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{current.basis}</Descriptions.Item>
              <Descriptions.Item label={t({ zh: '获奖日期', en: 'Awarded on' })}>{current.awardedOn}</Descriptions.Item>
              <Descriptions.Item label={t({ zh: '撤销日期', en: 'Revoked on' })}>{current.revokedOn}</Descriptions.Item>
              <Descriptions.Item label={t({ zh: '应追缴（元）', en: 'Demanded' })}>
                {formatYuan(current.amountFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '尚未追回（元）', en: 'Outstanding' })}>
                {formatYuan(current.outstandingFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '已追回（元）', en: 'Recovered' })}>
                {formatYuan(current.recoveredFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '已上缴国库（元）', en: 'Returned' })}>
                {formatYuan(current.returnedFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '已核销（元）', en: 'Written off' })}>
                {formatYuan(current.writtenOffFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '缴款期限', en: 'Due on' })}>{current.dueOn ?? '—'}</Descriptions.Item>
              {current.instalments && (
                <Descriptions.Item label={t({ zh: '分期安排', en: 'Instalments' })} span={2}>
                  {current.instalments.map((i) => `${i.dueOn} ${formatYuan(i.amountFen)} 元`).join('；')}
                  {current.agreementDocument ? `（${current.agreementDocument}）` : ''}
                </Descriptions.Item>
              )}
              {current.writeOff && (
                <Descriptions.Item label={t({ zh: '核销', en: 'Write-off' })} span={2}>
                  {`${current.writeOff.reason}（${current.writeOff.approval}，${current.writeOff.approvedBy}）`}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Space wrap>
              {current.dueOn !== null && (
                <Button
                  onClick={() =>
                    downloadWithSession(
                      `/api/v1/tenants/${tenantKey}/funds/clawback-cases/${current.id}/demand-letter`,
                      'demand-letter.pdf',
                    )
                  }
                >
                  {t({ zh: '下载追缴通知书', en: 'Demand letter (PDF)' })}
                </Button>
              )}
              {keepsMoney && current.status === 'opened' && (
                <Button onClick={() => act('demand')}>{t({ zh: '设定缴款期限', en: 'Set the due date' })}</Button>
              )}
              {keepsMoney && COLLECTING.has(current.status) && (
                <Button type="primary" onClick={() => act('recover')}>
                  {t({ zh: '登记追回款', en: 'Record a recovery' })}
                </Button>
              )}
              {keepsMoney && AGREEABLE.has(current.status) && (
                <Button onClick={() => act('agree')}>{t({ zh: '分期还款协议', en: 'Instalment agreement' })}</Button>
              )}
              {keepsMoney && COLLECTING.has(current.status) && (
                <Button danger onClick={() => act('writeOff')}>
                  {t({ zh: '核销', en: 'Write off' })}
                </Button>
              )}
              {keepsMoney && current.recoveredFen > current.returnedFen && (
                <Button onClick={() => act('return')}>{t({ zh: '上缴国库', en: 'Return to the treasury' })}</Button>
              )}
            </Space>
            <Table
              rowKey={(h) => `${h.at}-${h.action}`}
              size="small"
              pagination={false}
              dataSource={current.history}
              columns={[
                {
                  title: t({ zh: '时间', en: 'When' }),
                  render: (_, h) => formatInstant(h.at, t.language),
                },
                {
                  title: t({ zh: '操作', en: 'Action' }),
                  render: (_, h) => {
                    const label = ACTION[h.action];
                    return label ? t(label) : h.action;
                  },
                },
                {
                  title: t({ zh: '状态', en: 'Status' }),
                  render: (_, h) => <StatusTag table={CLAWBACK_CASE_STATUS} status={h.to} />,
                },
                {
                  title: t({ zh: '金额（元）', en: 'Amount' }),
                  align: 'right',
                  render: (_, h) => (h.amountFen === null ? '—' : formatYuan(h.amountFen)),
                },
                {
                  title: t({ zh: '经办人', en: 'By' }),
                  render: (_, h) => h.actor ?? '—',
                },
                {
                  title: t({ zh: '说明', en: 'Note' }),
                  render: (_, h) => h.note ?? '',
                },
              ]}
            />
          </Space>
        )}
      </Drawer>
      <ClawbackActionModal tenantKey={tenantKey} target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
