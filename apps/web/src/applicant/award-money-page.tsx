import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatYuan } from '../finance/yuan.util';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { ENTITLEMENT_STATUS, EVALUATION_RATING, USE_REPORT_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { reportActionLabel } from '../shared/use-report-actions';
import { AwardAmount, AwardAmountDecision } from './award-amount';
import { UseReportForm, type UseView } from './use-report-form';

/**
 * The winner's award money (奖补资金) in the applicant portal: each entitlement with its amount (or, where the text
 * leaves it to a decision within a cap, that it awaits finance's decision, then the decision), what was paid, what its policy
 * says the money may be used for (inner-mongolia 第十九条, xinzhou-city 第二十二条), its use report (written, submitted,
 * corrected after finance's questions) and the grant's performance evaluation once finance recorded it.
 */
export function AwardMoneyPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const applicants = useQuery({
    queryKey: ['portal', tenantKey, 'applicants'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/applicants', { params: { path: { tenantKey } } })),
  });
  const applicantId = applicants.data?.applicants[0]?.id;
  const uses = useQuery({
    queryKey: ['portal', tenantKey, 'use-reports', applicantId],
    enabled: Boolean(applicantId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/funds/use-reports', {
          params: { path: { tenantKey }, query: { applicantId } },
        }),
      ),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t({ zh: '奖补资金与使用报告', en: 'Award money and its use' })}
      </Typography.Title>
      <Link to={`/applicant/${tenantKey}`}>{t({ zh: '← 返回申报首页', en: '← Back to my applications' })}</Link>
      <QueryState loading={applicants.isLoading || uses.isLoading} error={applicants.error ?? uses.error}>
        {() => {
          const items = uses.data?.items ?? [];
          if (items.length === 0) {
            return <Empty description={t({ zh: '暂无奖补资金', en: 'No award money' })} />;
          }
          return items.map((item) => <EntitlementUseCard key={item.entitlement.id} tenantKey={tenantKey} use={item} />);
        }}
      </QueryState>
    </Space>
  );
}

function EntitlementUseCard({ tenantKey, use }: { tenantKey: string; use: UseView }) {
  const t = useT();
  const { entitlement, rules, report, evaluation } = use;
  return (
    <Card
      data-testid="entitlement-use"
      title={t({
        zh: `第${entitlement.cycleNumber}届 奖补资金（${entitlement.budgetYear}年度预算）`,
        en: `Cycle ${entitlement.cycleNumber} award money (budget year ${entitlement.budgetYear})`,
      })}
      extra={
        entitlement.status === 'amount_undecided' ? (
          <StatusTag table={ENTITLEMENT_STATUS} status={entitlement.status} />
        ) : (
          report && <StatusTag table={USE_REPORT_STATUS} status={report.status} />
        )
      }
    >
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t({ zh: '奖补金额（元）', en: 'Amount (CNY)' })}>
          <AwardAmount entitlement={entitlement} />
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '已拨付（元）', en: 'Paid (CNY)' })}>
          {formatYuan(entitlement.paidFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '已报告使用（元）', en: 'Reported (CNY)' })}>
          {formatYuan(report?.totalFen ?? 0)}
        </Descriptions.Item>
      </Descriptions>
      <AwardAmountDecision entitlement={entitlement} />
      {rules ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t({
            zh: `资金${rules.restricted ? '限定' : '主要'}用于：${rules.purposes.map((p) => p.name.zh).join('、')}${rules.restricted ? '，不得挪作他用' : '等'}（${rules.basis}）${rules.performanceEvaluation ? '；获奖单位应当配合开展专项财政资金绩效评价' : ''}`,
            en: `The money is ${rules.restricted ? 'restricted to' : 'mainly for'}: ${rules.purposes.map((p) => p.name.en).join(', ')} (${rules.basis})${rules.performanceEvaluation ? '; the winner cooperates with the performance evaluation' : ''}`,
          })}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          title={t({
            zh: '本办法未规定奖励资金的使用范围，无须报告资金使用情况',
            en: 'The regulation states no restricted use: no use report is owed',
          })}
        />
      )}
      {report?.status === 'queried' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t({ zh: '财务部门对使用报告提出质询，请修改后重新报送：', en: 'Finance queried the report:' })}
          description={
            <ul style={{ margin: 0 }}>
              {report.queryReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          }
        />
      )}
      {rules && entitlement.paidFen === 0 && (
        <Alert type="info" title={t({ zh: '资金尚未拨付，拨付后可报告使用情况', en: 'Nothing paid yet' })} />
      )}
      {rules && entitlement.paidFen > 0 && <UseReportForm tenantKey={tenantKey} use={use} />}
      {evaluation && (
        <Descriptions
          title={t({ zh: '绩效评价', en: 'Performance evaluation' })}
          size="small"
          column={2}
          bordered
          style={{ marginTop: 16 }}
        >
          <Descriptions.Item label={t({ zh: '评价等级', en: 'Rating' })}>
            <StatusTag table={EVALUATION_RATING} status={evaluation.rating} />
            {evaluation.score !== null && ` ${evaluation.score}`}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '评价日期', en: 'Evaluated on' })}>
            {evaluation.evaluatedOn}
          </Descriptions.Item>
          <Descriptions.Item label={t({ zh: '评价单位', en: 'Evaluator' })}>{evaluation.evaluator}</Descriptions.Item>
          <Descriptions.Item label={t({ zh: '评价报告', en: 'Report' })}>{evaluation.document}</Descriptions.Item>
          <Descriptions.Item label={t({ zh: '结论', en: 'Conclusion' })} span={2}>
            {evaluation.conclusion}
          </Descriptions.Item>
        </Descriptions>
      )}
      {report && report.history.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          pagination={false}
          rowKey={(step) => `${step.at}-${step.action}`}
          dataSource={report.history}
          columns={[
            { title: t({ zh: '时间', en: 'When' }), render: (_, step) => formatInstant(step.at, t.language) },
            { title: t({ zh: '操作', en: 'Step' }), render: (_, step) => t(reportActionLabel(step.action)) },
            { title: t({ zh: '操作人', en: 'Who' }), render: (_, step) => step.actor ?? '—' },
            {
              title: t({ zh: '状态', en: 'State' }),
              render: (_, step) => <StatusTag table={USE_REPORT_STATUS} status={step.to} />,
            },
            { title: t({ zh: '说明', en: 'Note' }), render: (_, step) => step.note ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
