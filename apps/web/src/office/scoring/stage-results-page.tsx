import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import type { StageResult } from '../../api/api-types';
import { unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { CompositeCard } from './composite-card';
import { ConsensusDialog } from './consensus-dialog';
import { CutCard } from './cut-card';
import { LoadedRubricsCard } from './loaded-rubrics-card';
import { RubricCard } from './rubric-card';

type Sheet = StageResult['sheets'][number];

const METHOD = {
  normalised: { zh: '已校正', en: 'normalised' },
  raw_too_few_sheets: { zh: '评分表过少，用原始分', en: 'too few sheets: raw' },
  raw_no_spread: { zh: '无离散，用原始分', en: 'no spread: raw' },
} as const;
const OUTCOME = { keep: '保留', adjust: '调整', exclude: '剔除' } as const;
const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/**
 * The office's score table of a stage: each sheet raw and normalised side by side, outlier flags with the consensus
 * recorded on each (or the button to record it), the experts' leniency, the applications' scores and ranking with
 * ties, the cut where the policy has one, and the composite with its report.
 */
export function StageResultsPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const cycle = Number(search.get('cycle') ?? 1);
  const [settling, setSettling] = useState<Sheet | null>(null);
  const stages = useQuery({
    queryKey: ['office', tenantKey, 'scored-stages'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/scoring/stages', { params: { path: { tenantKey } } })).stages,
  });
  const stageKey = search.get('stage') ?? stages.data?.[0]?.key ?? '';
  const stage = stages.data?.find((candidate) => candidate.key === stageKey);
  const result = useQuery({
    queryKey: ['office', tenantKey, 'stage-result', cycle, stageKey],
    enabled: Boolean(stageKey),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/results', {
          params: { path: { tenantKey, cycle, stageKey } },
        }),
      ),
  });
  const max = result.data?.groups[0]?.max ?? 1000;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t({ zh: '评分汇总', en: 'Scores' })}
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
        {stages.data?.length === 0 && (
          <Alert type="info" showIcon title={t({ zh: '本辖区政策没有评分环节', en: 'The policy scores no stage' })} />
        )}
        <QueryState loading={result.isLoading} error={result.error}>
          {() =>
            result.data ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                {result.data.openFlags > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    title={t({
                      zh: `${result.data.openFlags} 个离群评分待合议：合议前不能确定进入名单`,
                      en: `${result.data.openFlags} flagged score(s) await consensus; no cut before`,
                    })}
                  />
                )}
                {result.data.groups.map((group) => (
                  <div key={group.applicantKind}>
                    {`${group.applicantKind === 'individual' ? '个人' : '组织'}：${group.pool.sheets} 份评分表，均值 ${group.pool.mean}，标准差 ${group.pool.sd}；`}
                    {group.experts.map((expert) => (
                      <Tag
                        key={expert.expertId}
                      >{`${expert.expertName} 均值 ${expert.mean}（${t(METHOD[expert.method])}）`}</Tag>
                    ))}
                  </div>
                ))}
                <Table<Sheet>
                  rowKey="sheetId"
                  size="small"
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  dataSource={result.data.sheets}
                  data-testid="score-table"
                  locale={{ emptyText: t({ zh: '尚无已提交的评分表', en: 'No submitted sheets yet' }) }}
                  columns={[
                    { title: t({ zh: '申报单位', en: 'Applicant' }), dataIndex: 'applicantName' },
                    { title: t({ zh: '专家', en: 'Expert' }), dataIndex: 'expertName' },
                    { title: t({ zh: '原始分', en: 'Raw' }), dataIndex: 'raw' },
                    {
                      title: t({ zh: '计入分', en: 'Counted' }),
                      render: (_, row) => row.counted ?? t({ zh: '剔除', en: 'excluded' }),
                    },
                    { title: t({ zh: '标准化分', en: 'Normalised' }), render: (_, row) => fixed(row.normalised) },
                    {
                      title: t({ zh: '离群标记', en: 'Flag' }),
                      render: (_, row) =>
                        row.flag ? (
                          <Tooltip
                            title={`z = ${row.flag.robustZ}，中位数 ${row.flag.restMedian}，差距 ${row.flag.gap}`}
                          >
                            <Tag color="red">
                              {row.flag.reasons.map((r) => (r === 'gap' ? '差距过大' : '稳健z超限')).join('、')}
                            </Tag>
                          </Tooltip>
                        ) : null,
                    },
                    {
                      title: t({ zh: '合议', en: 'Consensus' }),
                      render: (_, row) =>
                        row.consensus ? (
                          <Tooltip title={row.consensus.reason}>
                            <Tag color="blue">{`${OUTCOME[row.consensus.outcome]}${row.consensus.adjustedTotal !== null ? ` ${row.consensus.adjustedTotal}` : ''}`}</Tag>
                          </Tooltip>
                        ) : row.flag ? (
                          <Button size="small" onClick={() => setSettling(row)}>
                            {t({ zh: '记录合议', en: 'Settle' })}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
                <Table
                  rowKey="applicationId"
                  size="small"
                  pagination={false}
                  dataSource={result.data.ranking}
                  title={() => t({ zh: '排名（按标准化均分）', en: 'Ranking (normalised mean)' })}
                  columns={[
                    {
                      title: t({ zh: '名次', en: 'Rank' }),
                      render: (_, row) => (row.tiedWith.length > 0 ? `${row.rank}（并列）` : row.rank),
                    },
                    {
                      title: t({ zh: '类别（分别排名）', en: 'Kind (ranked separately)' }),
                      render: (_, row) =>
                        row.applicantKind === 'individual'
                          ? t({ zh: '个人', en: 'Individual' })
                          : t({ zh: '组织', en: 'Organisation' }),
                    },
                    { title: t({ zh: '申报者', en: 'Applicant' }), dataIndex: 'applicantName' },
                    {
                      title: t({ zh: '原始均分', en: 'Raw mean' }),
                      render: (_, row) =>
                        fixed(
                          result.data?.applications.find((a) => a.applicationId === row.applicationId)?.raw ?? null,
                        ),
                    },
                    { title: t({ zh: '标准化均分', en: 'Normalised mean' }), render: (_, row) => fixed(row.score) },
                  ]}
                />
                <RubricCard tenantKey={tenantKey} cycle={cycle} stageKey={stageKey} />
                {stage?.cut ? (
                  <CutCard tenantKey={tenantKey} cycle={cycle} stageKey={stageKey} result={result.data} />
                ) : (
                  <Alert
                    type="info"
                    showIcon
                    title={t({
                      zh: '政策未规定以本环节分数决定谁进入下一环节',
                      en: 'The policy does not let this stage’s score decide who goes on',
                    })}
                  />
                )}
              </Space>
            ) : null
          }
        </QueryState>
      </Card>
      <CompositeCard
        tenantKey={tenantKey}
        cycle={cycle}
        stageName={(key) => {
          const named = stages.data?.find((candidate) => candidate.key === key);
          return named ? t(named.name) : key;
        }}
      />
      <ConsensusDialog
        tenantKey={tenantKey}
        cycle={cycle}
        stageKey={stageKey}
        sheet={settling}
        max={max}
        onClose={() => setSettling(null)}
      />
      <LoadedRubricsCard tenantKey={tenantKey} />
    </Space>
  );
}
