import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatDate } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { downloadCertificate } from './download-certificate.util';
import { TITLE_STATUS_LABELS } from './post-award-labels';

/** The office's titles (称号): state and validity, the certificate (issue, download, public page), planning duties. */
export function OfficeTitlesPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const titles = useQuery({
    queryKey: ['office', tenantKey, 'titles'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/titles', { params: { path: { tenantKey }, query: { limit: 200 } } }),
      ),
  });
  const issue = useMutation({
    mutationFn: async (titleId: string) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/titles/{titleId}/certificate', {
          params: { path: { tenantKey, titleId } },
        }),
      ),
    onSuccess: async (certificate) => {
      message.success(t({ zh: `已颁发证书 ${certificate.number}`, en: `Certificate ${certificate.number} issued` }));
      await queryClient.invalidateQueries({ queryKey: ['office', tenantKey, 'certificates'] });
    },
    onError: (error) => message.error(problemText(error)),
  });
  const plan = useMutation({
    mutationFn: async (titleId: string) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/titles/{titleId}/duties', {
          params: { path: { tenantKey, titleId } },
        }),
      ),
    onSuccess: (answer) =>
      message.success(t({ zh: `已安排${answer.items.length}项义务`, en: `${answer.items.length} duties planned` })),
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <QueryState loading={titles.isLoading} error={titles.error}>
      {() => (
        <Card title={t({ zh: '证书管理', en: 'Certificates' })}>
          <Table
            rowKey="id"
            size="small"
            dataSource={titles.data?.items ?? []}
            locale={{ emptyText: t({ zh: '尚无称号', en: 'No title yet' }) }}
            columns={[
              { title: t({ zh: '获奖者', en: 'Holder' }), dataIndex: 'applicantName' },
              {
                title: t({ zh: '年度 / 届', en: 'Year / cycle' }),
                render: (_, row) => `${row.year} / ${row.cycleNumber}`,
              },
              {
                title: t({ zh: '状态', en: 'State' }),
                render: (_, row) => t(TITLE_STATUS_LABELS[row.status] ?? { zh: row.status, en: row.status }),
              },
              {
                title: t({ zh: '有效期至', en: 'Valid until' }),
                render: (_, row) =>
                  row.validUntil ? `${formatDate(row.validUntil, t.language)}（${row.validityBasis}）` : '—',
              },
              {
                title: t({ zh: '证书', en: 'Certificate' }),
                render: (_, row) => (
                  <CertificateCell tenantKey={tenantKey} titleId={row.id} onIssue={() => issue.mutate(row.id)} />
                ),
              },
              {
                title: '',
                render: (_, row) => (
                  <Space>
                    <Button size="small" onClick={() => plan.mutate(row.id)}>
                      {t({ zh: '安排获奖后义务', en: 'Plan duties' })}
                    </Button>
                    <Link to={`/office/${tenantKey}/duties?titleId=${row.id}`}>{t({ zh: '义务', en: 'Duties' })}</Link>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </QueryState>
  );
}

function CertificateCell({ tenantKey, titleId, onIssue }: { tenantKey: string; titleId: string; onIssue: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const certificate = useQuery({
    queryKey: ['office', tenantKey, 'certificates', titleId],
    queryFn: async () => {
      const answer = await api.GET('/api/v1/tenants/{tenantKey}/titles/{titleId}/certificate', {
        params: { path: { tenantKey, titleId } },
      });
      return answer.response.status === 404 ? null : unwrap(answer);
    },
  });
  if (certificate.isLoading) return null;
  if (!certificate.data) {
    return (
      <Button size="small" type="primary" onClick={onIssue}>
        {t({ zh: '颁发证书', en: 'Issue' })}
      </Button>
    );
  }
  return (
    <Space>
      <Link to={certificate.data.verifyPath}>{certificate.data.number}</Link>
      <Button
        size="small"
        onClick={() => downloadCertificate(tenantKey, titleId).catch((e: unknown) => message.error(String(e)))}
      >
        PDF
      </Button>
    </Space>
  );
}
