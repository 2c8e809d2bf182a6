import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';

/** The expert's assignments: the stage and the applicant; never an application it has a conflict with. */
export function ExpertAssignmentsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const mine = useQuery({
    queryKey: ['expert', tenantKey, 'assignments'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/experts/me/assignments', { params: { path: { tenantKey } } }))
        .assignments,
  });
  return (
    <Card title={t({ zh: '我的评审任务', en: 'My assignments' })}>
      <QueryState loading={mine.isLoading} error={mine.error}>
        {() => (
          <Table
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={mine.data ?? []}
            locale={{ emptyText: t({ zh: '暂无评审任务', en: 'No assignment yet' }) }}
            columns={[
              {
                title: t({ zh: '申报主体', en: 'Applicant' }),
                render: (_, a) => <Link to={`applications/${a.application.id}`}>{a.application.applicantName}</Link>,
              },
              {
                title: t({ zh: '类别', en: 'Kind' }),
                render: (_, a) =>
                  a.application.applicantKind === 'individual'
                    ? t({ zh: '个人', en: 'Individual' })
                    : t({ zh: '组织', en: 'Organisation' }),
              },
              {
                title: t({ zh: '评审环节', en: 'Stage' }),
                render: (_, a) => (
                  <span>
                    {t({ zh: `第 ${a.stage.cycleNumber} 届`, en: `Cycle ${a.stage.cycleNumber}` })} · {t(a.stage.name)}{' '}
                    {a.stage.status === 'closed' && <Tag>{t({ zh: '已结束', en: 'Closed' })}</Tag>}
                  </span>
                ),
              },
              {
                title: t({ zh: '分配时间', en: 'Assigned' }),
                render: (_, a) => formatInstant(a.assignedAt, t.language),
              },
              {
                title: t({ zh: '评分', en: 'Score' }),
                render: (_, a) => (
                  <Link to={`scoring/${a.stage.cycleNumber}/${a.stage.stageKey}/${a.application.id}`}>
                    {a.stage.status === 'closed'
                      ? t({ zh: '查看评分表', en: 'View sheet' })
                      : t({ zh: '评分表', en: 'Score sheet' })}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
