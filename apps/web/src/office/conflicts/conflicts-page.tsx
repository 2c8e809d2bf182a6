import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api-client';
import { problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { ConflictDeclarationForm } from './conflict-declaration-form';
import { CONFLICT_KIND, CONFLICT_STATUS, PARTY_KIND } from './conflict-labels';

type Status = 'detected' | 'recused' | 'dismissed';

/**
 * 回避 in the office console: every flag — experts', office users' and member units' (detected from data or
 * declared) — with the office's decision (recuse, or dismiss with a reason), and the office user's own declaration.
 */
export function ConflictsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [status, setStatus] = useState<Status>('detected');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const key = ['office', tenantKey, 'conflicts'];
  const flags = useQuery({
    queryKey: [...key, status],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/conflicts', {
          params: { path: { tenantKey }, query: { status, limit: 200 } },
        }),
      ).conflicts,
  });
  const applications = useQuery({
    queryKey: ['office', tenantKey, 'applications', 'accepted'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications', {
          params: { path: { tenantKey }, query: { status: ['accepted'], limit: 200 } },
        }),
      ).applications,
  });
  const decide = useMutation({
    mutationFn: async (input: { id: string; decision: 'recuse' | 'dismiss'; reason?: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/conflicts/{id}/decision', {
          params: { path: { tenantKey, id: input.id } },
          body: input.reason ? { decision: input.decision, reason: input.reason } : { decision: input.decision },
        }),
      ),
    onSuccess: (flag) => {
      queries.invalidateQueries({ queryKey: key });
      message.success(
        flag.status === 'recused'
          ? t({ zh: '已决定回避', en: 'Recused' })
          : t({ zh: '已排除并记录理由', en: 'Dismissed with the reason' }),
      );
    },
    onError: (error) => message.error(problemText(error)),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t({ zh: '回避', en: 'Conflicts of interest (回避)' })}>
        <Typography.Paragraph type="secondary">
          {t({
            zh: '评审专家、办公室工作人员和领导小组成员单位与申报有利害关系的，应当回避。由数据发现或本人申明的每一项，由办公室决定回避，或说明理由后排除；决定均留痕。',
            en: 'Experts, office users and member units with an interest in an application withdraw. Each flag, detected from data or declared, is decided by the office: recuse, or dismiss with a reason; every decision is recorded.',
          })}
        </Typography.Paragraph>
        <Segmented<Status>
          value={status}
          onChange={setStatus}
          options={(['detected', 'recused', 'dismissed'] as const).map((value) => ({
            value,
            label: t(CONFLICT_STATUS[value] as { zh: string; en: string }),
          }))}
          style={{ marginBottom: 12 }}
        />
        <Table
          rowKey="id"
          size="small"
          loading={flags.isLoading}
          dataSource={flags.data ?? []}
          pagination={false}
          locale={{ emptyText: t({ zh: '暂无', en: 'None' }) }}
          columns={[
            {
              title: t({ zh: '回避主体', en: 'Party' }),
              key: 'party',
              render: (_: unknown, row) => (
                <Space orientation="vertical" size={0}>
                  <span>{row.party.name}</span>
                  <Typography.Text type="secondary">
                    {t(PARTY_KIND[row.party.kind] ?? { zh: row.party.kind, en: row.party.kind })}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t({ zh: '申报', en: 'Application' }), dataIndex: 'applicantName' },
            {
              title: t({ zh: '关系', en: 'Interest' }),
              key: 'kind',
              render: (_: unknown, row) => (
                <Space orientation="vertical" size={0}>
                  <Tag>{t(CONFLICT_KIND[row.kind] ?? { zh: row.kind, en: row.kind })}</Tag>
                  <Typography.Text type="secondary">{row.evidence}</Typography.Text>
                </Space>
              ),
            },
            { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
            {
              title: t({ zh: '状态', en: 'Status' }),
              key: 'status',
              render: (_: unknown, row) => {
                const label = CONFLICT_STATUS[row.status];
                return (
                  <Space orientation="vertical" size={0}>
                    <Tag color={label?.color}>{label ? t(label) : row.status}</Tag>
                    {row.decidedAt ? (
                      <Typography.Text type="secondary">
                        {row.decidedBy} {formatInstant(row.decidedAt, t.language)}
                        {row.reason ? `：${row.reason}` : ''}
                      </Typography.Text>
                    ) : null}
                  </Space>
                );
              },
            },
            {
              title: t({ zh: '决定', en: 'Decision' }),
              key: 'decide',
              render: (_: unknown, row) =>
                row.status === 'detected' ? (
                  <Space orientation="vertical">
                    <Popconfirm
                      title={t({ zh: '确认回避？', en: 'Recuse?' })}
                      onConfirm={() => decide.mutate({ id: row.id, decision: 'recuse' })}
                    >
                      <Button danger size="small">
                        {t({ zh: '回避', en: 'Recuse' })}
                      </Button>
                    </Popconfirm>
                    <Space.Compact>
                      <Input
                        size="small"
                        placeholder={t({ zh: '排除理由', en: 'Why dismiss' })}
                        value={reasons[row.id] ?? ''}
                        onChange={(event) => setReasons({ ...reasons, [row.id]: event.target.value })}
                      />
                      <Button
                        size="small"
                        disabled={!reasons[row.id]?.trim()}
                        onClick={() => decide.mutate({ id: row.id, decision: 'dismiss', reason: reasons[row.id] })}
                      >
                        {t({ zh: '排除', en: 'Dismiss' })}
                      </Button>
                    </Space.Compact>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t({ zh: '本人回避申明', en: 'Declare my own interest' })}>
        <ConflictDeclarationForm
          tenantKey={tenantKey}
          who="office_user"
          refresh={[key]}
          applications={(applications.data ?? []).map((a) => ({ value: a.id, label: a.applicant.name }))}
        />
      </Card>
    </Space>
  );
}
