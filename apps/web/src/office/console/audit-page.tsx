import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';

const SERVICES = [
  { value: 'gateway', label: { zh: '网关', en: 'Gateway' } },
  { value: 'awards', label: { zh: '奖项服务', en: 'Awards' } },
  { value: 'applications', label: { zh: '申报服务', en: 'Applications' } },
  { value: 'objections', label: { zh: '公示与异议服务', en: 'Objections' } },
];

/** The audit trail of one service for this jurisdiction, with the verification of its hash chain. */
export function AuditPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [service, setService] = useState('applications');
  const verify = useQuery({
    queryKey: ['office', tenantKey, 'audit-verify', service],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/audit/verify', {
          params: { path: { tenantKey }, query: { service } },
        }),
      ),
  });
  const entries = useQuery({
    queryKey: ['office', tenantKey, 'audit', service],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/audit', {
          params: { path: { tenantKey }, query: { service, limit: 500 } },
        }),
      ).entries,
  });
  return (
    <Card
      title={t({ zh: '审计记录', en: 'Audit trail' })}
      extra={
        <Segmented
          value={service}
          onChange={(value) => setService(String(value))}
          options={SERVICES.map((s) => ({ value: s.value, label: t(s.label) }))}
        />
      }
    >
      {verify.data && (
        <Alert
          data-testid="audit-verification"
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t({
                  zh: `哈希链校验完整：共 ${verify.data.entries} 条记录，未被篡改`,
                  en: `The hash chain is intact: ${verify.data.entries} entries, none altered`,
                })
              : t({
                  zh: `哈希链校验失败：第 ${verify.data.brokenAt} 条起记录不一致（${verify.data.reason ?? ''}）`,
                  en: `The hash chain is broken at entry ${verify.data.brokenAt} (${verify.data.reason ?? ''})`,
                })
          }
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={entries.isLoading}
        dataSource={[...(entries.data ?? [])].reverse()}
        columns={[
          { title: '#', dataIndex: 'seq', width: 60 },
          {
            title: t({ zh: '时间', en: 'When' }),
            render: (_, e) => formatInstant(e.occurredAt, t.language),
            width: 190,
          },
          { title: t({ zh: '操作', en: 'Action' }), dataIndex: 'action' },
          { title: t({ zh: '对象', en: 'Target' }), render: (_, e) => `${e.targetType} ${e.targetId.slice(0, 8)}` },
          { title: t({ zh: '操作人', en: 'Actor' }), render: (_, e) => e.actorId ?? t({ zh: '系统', en: 'system' }) },
          { title: t({ zh: '依据', en: 'Basis' }), render: (_, e) => e.basis ?? '—' },
          { title: t({ zh: '哈希', en: 'Hash' }), render: (_, e) => <code>{e.hash.slice(0, 12)}</code> },
        ]}
      />
    </Card>
  );
}
