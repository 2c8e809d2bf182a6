import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import { CANDIDATE_STANDING, LIST_NOTICE_STAGE } from './winners-labels';

/**
 * The notices of the recorded candidate list (公示): a button per notice opens it through the awards service with the
 * policy's period, unit and channel (the policy refuses a stage it has no notice for); the candidates objections on
 * them held or removed.
 */
export function CandidateNoticesCard({ tenantKey, number }: { tenantKey: string; number: number }) {
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const notices = useQuery({
    queryKey: ['office', tenantKey, 'candidate-notices', number],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/cycles/{number}/candidate-notices', {
          params: { path: { tenantKey, number } },
        }),
      ),
  });
  const open = useMutation({
    mutationFn: async (stage: string) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/cycles/{number}/candidate-notices', {
          params: { path: { tenantKey, number } },
          body: { stage },
        }),
      ),
    onSuccess: () => {
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'candidate-notices', number] });
      message.success(t({ zh: '公示已发布', en: 'Notice opened' }));
    },
    onError: (e) => message.error(problemText(e)),
  });
  const opened = notices.data?.notices ?? [];
  return (
    <Card
      title={t({ zh: '候选名单公示', en: 'Notices of the candidate list' })}
      extra={
        <Space>
          {Object.entries(LIST_NOTICE_STAGE).map(([stage, label]) => (
            <Button
              key={stage}
              disabled={opened.some((n) => n.stage === stage)}
              loading={open.isPending && open.variables === stage}
              onClick={() => open.mutate(stage)}
            >
              {t({ zh: `发布${label.zh}`, en: `Open the ${label.en.toLowerCase()}` })}
            </Button>
          ))}
        </Space>
      }
    >
      <Table
        rowKey="noticeId"
        size="small"
        pagination={false}
        dataSource={opened}
        columns={[
          {
            title: t({ zh: '公示', en: 'Notice' }),
            render: (_: unknown, n) => t(LIST_NOTICE_STAGE[n.stage] ?? { zh: n.stage, en: n.stage }),
          },
          {
            title: t({ zh: '公示期', en: 'Period' }),
            render: (_: unknown, n) =>
              `${n.period.count}${n.period.unit === 'calendar_days' ? t({ zh: '日', en: ' days' }) : t({ zh: '个工作日', en: ' working days' })}`,
          },
          { title: t({ zh: '截止日', en: 'Last day' }), dataIndex: 'lastDay' },
          { title: t({ zh: '发布渠道', en: 'Channel' }), render: (_: unknown, n) => (n.channel ? t(n.channel) : '') },
          { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
        ]}
      />
      {(notices.data?.standings ?? []).length > 0 ? (
        <Table
          rowKey={(s) => `${s.applicationId}:${s.noticeId}`}
          size="small"
          pagination={false}
          dataSource={notices.data?.standings ?? []}
          columns={[
            { title: t({ zh: '候选', en: 'Candidate' }), dataIndex: 'applicantName' },
            {
              title: t({ zh: '状态', en: 'Status' }),
              render: (_: unknown, s) => {
                const label = CANDIDATE_STANDING[s.status];
                return label ? <Tag color={label.color}>{t(label)}</Tag> : s.status;
              },
            },
            { title: t({ zh: '异议编号', en: 'Objection' }), dataIndex: 'receiptNumber' },
            { title: t({ zh: '理由', en: 'Reasons' }), dataIndex: 'reasons' },
            { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
          ]}
        />
      ) : null}
    </Card>
  );
}
