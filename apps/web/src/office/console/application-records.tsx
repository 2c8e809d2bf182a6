import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { OBJECTION_STATUS } from '../../shared/status-labels';
import { StatusTag } from '../../shared/status-tag';
import { useTenantObjections } from './use-tenant-objections';

/**
 * The rest of an application's page: its materials (each version downloadable), the objections filed against it on its
 * notices, and its entries in the applications service's audit trail.
 */
export function ApplicationRecords(props: {
  tenantKey: string;
  applicationId: string;
  subjectIds: string[];
  noticeIds: string[];
}) {
  const { tenantKey, applicationId } = props;
  const t = useT();
  const { message } = App.useApp();
  const at = (instant: string) => formatInstant(instant, t.language);
  const materials = useQuery({
    queryKey: ['office', tenantKey, 'application', applicationId, 'materials'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications/{id}/materials', {
          params: { path: { tenantKey, id: applicationId } },
        }),
      ).materials,
  });
  const objections = useTenantObjections(tenantKey);
  const audit = useQuery({
    queryKey: ['office', tenantKey, 'audit', 'applications'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/audit', {
          params: { path: { tenantKey }, query: { service: 'applications', limit: 500 } },
        }),
      ).entries,
  });
  const download = async (materialId: string, version: number, filename: string) => {
    const answer = await api.GET('/api/v1/tenants/{tenantKey}/applications/{id}/materials/{materialId}', {
      params: { path: { tenantKey, id: applicationId, materialId }, query: { version } },
      parseAs: 'blob',
    });
    if (answer.error || !(answer.data instanceof Blob)) {
      message.error(problemText(answer.error ?? new Error('download failed')));
      return;
    }
    const url = URL.createObjectURL(answer.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const against = (objections.data ?? []).filter(
    (o) => props.noticeIds.includes(o.noticeId) && props.subjectIds.includes(o.entry.subjectId),
  );
  const entries = (audit.data ?? []).filter((e) => e.targetId === applicationId).reverse();
  return (
    <>
      <Card title={t({ zh: '申报材料', en: 'Materials' })} style={{ marginBottom: 24 }} data-testid="materials">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={materials.isLoading}
          dataSource={materials.data ?? []}
          locale={{ emptyText: t({ zh: '尚未上传材料', en: 'No material yet' }) }}
          columns={[
            {
              title: t({ zh: '材料', en: 'Material' }),
              render: (_, m) => (
                <>
                  {m.title} {m.tradeSecret && <Tag color="purple">{t({ zh: '商业秘密', en: 'Trade secret' })}</Tag>}
                </>
              ),
            },
            { title: t({ zh: '版本', en: 'Version' }), render: (_, m) => `v${m.currentVersion}` },
            {
              title: t({ zh: '文件', en: 'File' }),
              render: (_, m) => {
                const v = m.versions.find((x) => x.version === m.currentVersion) ?? m.versions[m.versions.length - 1];
                return v ? (
                  <Button type="link" size="small" onClick={() => download(m.id, v.version, v.filename)}>
                    {v.filename}
                  </Button>
                ) : (
                  '—'
                );
              },
            },
            { title: t({ zh: '更新时间', en: 'Updated' }), render: (_, m) => at(m.updatedAt) },
          ]}
        />
      </Card>
      <Card title={t({ zh: '针对本申报的异议', en: 'Objections against it' })} style={{ marginBottom: 24 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={objections.isLoading}
          dataSource={against}
          locale={{ emptyText: t({ zh: '无异议', en: 'No objection' }) }}
          columns={[
            {
              title: t({ zh: '受理编号', en: 'Receipt' }),
              render: (_, o) => <Link to={`/office/${tenantKey}/objections/${o.id}`}>{o.receiptNumber}</Link>,
            },
            { title: t({ zh: '公示', en: 'Notice' }), dataIndex: 'noticeTitle' },
            {
              title: t({ zh: '状态', en: 'Status' }),
              render: (_, o) => <StatusTag table={OBJECTION_STATUS} status={o.status} />,
            },
            { title: t({ zh: '收到时间', en: 'Received' }), render: (_, o) => at(o.receivedAt) },
          ]}
        />
      </Card>
      <Card title={t({ zh: '审计记录', en: 'Audit entries' })} data-testid="application-audit">
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10 }}
          loading={audit.isLoading}
          dataSource={entries}
          columns={[
            { title: '#', dataIndex: 'seq', width: 60 },
            { title: t({ zh: '时间', en: 'When' }), render: (_, e) => at(e.occurredAt) },
            { title: t({ zh: '操作', en: 'Action' }), dataIndex: 'action' },
            { title: t({ zh: '操作人', en: 'Actor' }), render: (_, e) => e.actorId ?? t({ zh: '系统', en: 'system' }) },
            { title: t({ zh: '依据', en: 'Basis' }), render: (_, e) => e.basis ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
