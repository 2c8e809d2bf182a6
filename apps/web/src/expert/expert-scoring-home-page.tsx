import { useQuery } from '@tanstack/react-query';
import { Card, InputNumber, Segmented, Space, Table, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';

/**
 * The expert's scoring list: the stages the policy scores, and for the chosen stage the applications the expert may
 * see (never one it has a conflict with) with the state of its own sheet. (Panel assignment lists join here.)
 */
export function ExpertScoringHomePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const cycle = Number(search.get('cycle') ?? 1);
  const stages = useQuery({
    queryKey: ['expert', tenantKey, 'stages'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/scoring/stages', { params: { path: { tenantKey } } })).stages,
  });
  const stageKey = search.get('stage') ?? stages.data?.[0]?.key ?? '';
  const applications = useQuery({
    queryKey: ['expert', tenantKey, 'applications', cycle],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/experts/me/applications', {
          params: { path: { tenantKey }, query: { cycle } },
        }),
      ).applications,
  });
  const sheets = useQuery({
    queryKey: ['expert', tenantKey, 'sheets', cycle, stageKey],
    enabled: Boolean(stageKey),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/sheets', {
          params: { path: { tenantKey, cycle, stageKey } },
        }),
      ).sheets,
  });
  const sheetOf = new Map((sheets.data ?? []).map((sheet) => [sheet.applicationId, sheet]));
  return (
    <Card
      title={t({ zh: '评分任务', en: 'Scoring' })}
      extra={
        <Space>
          <InputNumber
            min={1}
            value={cycle}
            addonBefore={t({ zh: '届', en: 'Cycle' })}
            onChange={(value) => setSearch({ cycle: String(value ?? 1), stage: stageKey })}
          />
          <Segmented
            value={stageKey}
            onChange={(value) => setSearch({ cycle: String(cycle), stage: String(value) })}
            options={(stages.data ?? []).map((stage) => ({ value: stage.key, label: t(stage.name) }))}
          />
        </Space>
      }
    >
      <QueryState loading={applications.isLoading || stages.isLoading} error={applications.error ?? stages.error}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={applications.data ?? []}
            locale={{ emptyText: t({ zh: '暂无可评分的申报', en: 'Nothing to score' }) }}
            columns={[
              {
                title: t({ zh: '申报单位', en: 'Applicant' }),
                render: (_, a) => (
                  <Link to={`/expert/${tenantKey}/scoring/${cycle}/${stageKey}/${a.id}`}>{a.applicant.name}</Link>
                ),
              },
              {
                title: t({ zh: '类别', en: 'Kind' }),
                render: (_, a) =>
                  a.applicant.kind === 'individual'
                    ? t({ zh: '个人', en: 'Individual' })
                    : t({ zh: '组织', en: 'Organisation' }),
              },
              {
                title: t({ zh: '我的评分表', en: 'My sheet' }),
                render: (_, a) => {
                  const sheet = sheetOf.get(a.id);
                  if (!sheet) return <Tag>{t({ zh: '未开始', en: 'Not started' })}</Tag>;
                  const label = { draft: '草稿', submitted: '已提交', revised: '已修订' }[sheet.status];
                  return (
                    <Tag color={sheet.status === 'draft' ? 'default' : 'green'}>{`${label} · ${sheet.total}`}</Tag>
                  );
                },
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
