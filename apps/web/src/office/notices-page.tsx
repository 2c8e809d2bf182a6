import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import type { Notice } from '../api/api-types';
import { problemText, unwrap } from '../api/problem';
import { formatDate, formatDeadline, formatPeriod } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { NOTICE_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

/** The jurisdiction's notices: open ones first by default; an open notice can be withdrawn with a reason. */
export function NoticesPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [status, setStatus] = useState<Notice['status'] | undefined>('open');
  const [withdrawing, setWithdrawing] = useState<Notice>();
  const [reason, setReason] = useState('');
  const notices = useQuery({
    queryKey: ['office', tenantKey, 'notices', status],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/notices', {
          params: { path: { tenantKey }, query: { status, limit: 200 } },
        }),
      ).notices,
  });
  const withdraw = useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/notices/{id}/withdraw', {
          params: { path: { tenantKey, id } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setWithdrawing(undefined);
      setReason('');
      queries.invalidateQueries({ queryKey: ['office', tenantKey, 'notices'] });
      message.success(t({ zh: '公示已撤回', en: 'The notice was withdrawn' }));
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Card
      title={t({ zh: '公示管理', en: 'Notices' })}
      extra={
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t({ zh: '全部状态', en: 'All statuses' })}
          value={status}
          onChange={setStatus}
          options={Object.entries(NOTICE_STATUS).map(([value, label]) => ({ value, label: t(label) }))}
        />
      }
    >
      <Table
        rowKey="id"
        size="middle"
        loading={notices.isLoading}
        dataSource={notices.data ?? []}
        columns={[
          {
            title: t({ zh: '标题', en: 'Title' }),
            render: (_, n) => (
              <a href={`/p/${tenantKey}/notices/${n.id}`} target="_blank" rel="noreferrer">
                {n.title}
              </a>
            ),
          },
          { title: t({ zh: '届', en: 'Cycle' }), render: (_, n) => (n.cycleNumber ? `第${n.cycleNumber}届` : '—') },
          { title: t({ zh: '发布日期', en: 'Published' }), render: (_, n) => formatDate(n.publishedOn, t.language) },
          {
            title: t({ zh: '截止', en: 'Closes' }),
            render: (_, n) => (
              <>
                <div>{formatDeadline(n.deadline.lastDay, t.language)}</div>
                <div style={{ color: '#888', fontSize: 12 }}>{formatPeriod(n.deadline, t.language)}</div>
              </>
            ),
          },
          {
            title: t({ zh: '状态', en: 'Status' }),
            render: (_, n) => <StatusTag table={NOTICE_STATUS} status={n.status} />,
          },
          {
            title: '',
            render: (_, n) =>
              n.status === 'open' || n.status === 'scheduled' ? (
                <Button size="small" danger onClick={() => setWithdrawing(n)}>
                  {t({ zh: '撤回', en: 'Withdraw' })}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={Boolean(withdrawing)}
        title={t({ zh: '撤回公示', en: 'Withdraw the notice' })}
        okText={t({ zh: '撤回', en: 'Withdraw' })}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0, loading: withdraw.isPending }}
        onOk={() => withdrawing && withdraw.mutate({ id: withdrawing.id, reason: reason.trim() })}
        onCancel={() => setWithdrawing(undefined)}
      >
        <p>{withdrawing?.title}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t({ zh: '撤回原因（将向公众公开）', en: 'Why (shown to the public)' })}
        />
      </Modal>
    </Card>
  );
}
