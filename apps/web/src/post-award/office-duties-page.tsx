import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Table, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatDate, formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { DUTY_STATUS_LABELS } from './post-award-labels';
import { RevokeFromDutyButton } from './revoke-from-duty-button';

type Status = 'open' | 'submitted' | 'overdue';

/**
 * The office's post-award duties: overdue ones first (escalated to the office, with the policy's refusal ground where
 * refusing duties is one — xinzhou-city 第二十八条 — for a revocation case to cite), then open and submitted.
 */
export function OfficeDutiesPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const status = (search.get('status') ?? 'overdue') as Status;
  const titleId = search.get('titleId') ?? undefined;
  const duties = useQuery({
    queryKey: ['office', tenantKey, 'duties', status, titleId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/duties', {
          params: { path: { tenantKey }, query: { status, ...(titleId ? { titleId } : {}), limit: 200 } },
        }),
      ),
  });
  return (
    <Card
      title={t({ zh: '获奖后义务', en: 'Post-award duties' })}
      extra={
        <Segmented<Status>
          value={status}
          onChange={(value) => setSearch({ status: value, ...(titleId ? { titleId } : {}) })}
          options={(['overdue', 'open', 'submitted'] as const).map((value) => ({
            value,
            label: t(DUTY_STATUS_LABELS[value]?.text ?? { zh: value, en: value }),
          }))}
        />
      }
    >
      <QueryState loading={duties.isLoading} error={duties.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            dataSource={duties.data?.items ?? []}
            locale={{ emptyText: t({ zh: '没有此状态的义务', en: 'No duty in this state' }) }}
            columns={[
              { title: t({ zh: '义务', en: 'Duty' }), render: (_, d) => `${t(d.name)} #${d.sequence}` },
              { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
              {
                title: t({ zh: '截止日期', en: 'Due' }),
                render: (_, d) => (d.dueDate ? formatDate(d.dueDate, t.language) : '—'),
              },
              {
                title: t({ zh: '状态', en: 'State' }),
                render: (_, d) => {
                  const label = DUTY_STATUS_LABELS[d.status];
                  return <Tag color={label?.color}>{label ? t(label.text) : d.status}</Tag>;
                },
              },
              {
                title: t({ zh: '逾期时间', en: 'Overdue since' }),
                render: (_, d) => (d.overdueAt ? formatInstant(d.overdueAt, t.language) : '—'),
              },
              {
                title: t({ zh: '可作为撤销事由', en: 'Revocation ground' }),
                render: (_, d) =>
                  d.refusalGround
                    ? t({
                        zh: `拒绝履行义务（${d.refusalGround.basis}）`,
                        en: `Refusing duties (${d.refusalGround.basis})`,
                      })
                    : '—',
              },
              {
                title: t({ zh: '操作', en: 'Action' }),
                render: (_, d) =>
                  d.status === 'overdue' && d.refusalGround ? (
                    <RevokeFromDutyButton
                      tenantKey={tenantKey}
                      duty={{ id: d.id, name: `${t(d.name)} #${d.sequence}`, refusalBasis: d.refusalGround.basis }}
                    />
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
