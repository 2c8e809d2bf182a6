import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Input, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { REPORT_STATUS } from '../../shared/status-labels';
import { StatusTag } from '../../shared/status-tag';

/**
 * One report: the reporter masked (or hidden) until the receiving body reveals the identity with a reason (audited;
 * the identity is shown here, never stored in the page's cache), its replies, a new reply.
 */
export function ReportDrawer(props: { tenantKey: string; reportId?: string; onClose: () => void }) {
  const { tenantKey, reportId } = props;
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [reply, setReply] = useState({ status: 'handling' as 'handling' | 'closed', message: '' });
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<{ id: string; text: string } | undefined>();
  const key = ['office', tenantKey, 'report', reportId];
  const report = useQuery({
    queryKey: key,
    enabled: reportId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/reports/{id}', {
          params: { path: { tenantKey, id: reportId ?? '' } },
        }),
      ),
  });
  const done = (text: string) => {
    queries.invalidateQueries({ queryKey: ['office', tenantKey, 'reports'] });
    queries.invalidateQueries({ queryKey: key });
    message.success(text);
  };
  const sendReply = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/reports/{id}/replies', {
          params: { path: { tenantKey, id: reportId ?? '' } },
          body: reply,
        }),
      ),
    onSuccess: () => {
      setReply({ ...reply, message: '' });
      done(t({ zh: '已答复', en: 'Replied' }));
    },
    onError: (error) => message.error(problemText(error)),
  });
  const reveal = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/reports/{id}/reveal-identity', {
          params: { path: { tenantKey, id: reportId ?? '' } },
          body: { reason },
        }),
      ),
    onSuccess: (identity) => {
      setReason('');
      const fields = [identity.name, identity.phone, identity.idNumber, identity.address, identity.organisation];
      setRevealed({ id: reportId ?? '', text: fields.filter(Boolean).join(' · ') });
      done(t({ zh: '已查看举报人身份（已记入审计）', en: 'Identity revealed (audited)' }));
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Drawer open={reportId !== undefined} onClose={props.onClose} size="large" title={report.data?.reportNumber}>
      <QueryState loading={report.isLoading} error={report.error}>
        {() => {
          const r = report.data;
          if (!r) return null;
          return (
            <>
              <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t({ zh: '状态', en: 'Status' })}>
                  <StatusTag table={REPORT_STATUS} status={r.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '被举报对象', en: 'Concerning' })}>{r.concerning}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '举报内容', en: 'Details' })}>{r.details}</Descriptions.Item>
                <Descriptions.Item label={t({ zh: '举报人', en: 'Reporter' })}>
                  <span data-testid="reporter">
                    {r.anonymous
                      ? t({ zh: '匿名举报', en: 'Anonymous' })
                      : revealed?.id === r.id
                        ? revealed.text
                        : r.reporter
                          ? `${[r.reporter.name, r.reporter.phone, r.reporter.idNumber, r.reporter.organisation]
                              .filter(Boolean)
                              .join(' · ')}${t({ zh: '（已遮蔽）', en: ' (masked)' })}`
                          : t({ zh: '实名举报，身份已隐藏', en: 'Named; identity hidden' })}
                  </span>
                </Descriptions.Item>
              </Descriptions>
              {!r.anonymous && revealed?.id !== r.id && (
                <Space.Compact style={{ width: '100%', marginBottom: 24 }}>
                  <Input
                    placeholder={t({ zh: '查看身份的理由（将记入审计）', en: 'Why the identity is needed (audited)' })}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <Button danger loading={reveal.isPending} onClick={() => reveal.mutate()}>
                    {t({ zh: '查看举报人身份', en: 'Reveal identity' })}
                  </Button>
                </Space.Compact>
              )}
              <Typography.Title level={5}>{t({ zh: '答复记录', en: 'Replies' })}</Typography.Title>
              <Timeline
                items={r.replies.map((reply) => ({
                  children: `${formatInstant(reply.at, t.language)} · ${t(REPORT_STATUS[reply.status] ?? { zh: reply.status, en: reply.status })} · ${reply.message}`,
                }))}
              />
              <Space direction="vertical" style={{ width: '100%' }}>
                <Select
                  style={{ width: 160 }}
                  value={reply.status}
                  onChange={(status) => setReply({ ...reply, status })}
                  options={[
                    { value: 'handling', label: t(REPORT_STATUS.handling ?? { zh: '处理中', en: 'Handling' }) },
                    { value: 'closed', label: t(REPORT_STATUS.closed ?? { zh: '已办结', en: 'Closed' }) },
                  ]}
                />
                <Input.TextArea
                  rows={3}
                  placeholder={t({
                    zh: '答复举报人（凭查询码可见）',
                    en: 'Reply to the reporter (seen with the token)',
                  })}
                  value={reply.message}
                  onChange={(e) => setReply({ ...reply, message: e.target.value })}
                />
                <Button type="primary" loading={sendReply.isPending} onClick={() => sendReply.mutate()}>
                  {t({ zh: '答复', en: 'Reply' })}
                </Button>
              </Space>
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}
