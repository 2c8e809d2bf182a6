import type { Policy } from '@laurel/policy/src/policy.schema';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { INCIDENT_KINDS } from '../../applicant/facts-form';
import { formatDate } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { QueryState } from '../../shared/query-state';
import { APPLICATION_STATUS, FINDING_OUTCOME } from '../../shared/status-labels';
import { StatusTag } from '../../shared/status-tag';
import { useTenantRoles } from '../../shared/use-tenant-roles';
import { AREA, EmployerIncidentsForm, incidentKindLabel, SEVERITY } from './employer-incidents-form';

type Rule = Policy['eligibility'][number];

/** The policy's conditions on an individual applicant's employer (所在组织): `no_incidents` rules whose subject is it. */
export function employerRulesOf(policy: Policy): Rule[] {
  return policy.eligibility.filter(
    (rule) => rule.kind === 'no_incidents' && rule.subject === 'employer' && rule.appliesTo.includes('individual'),
  );
}

/**
 * An individual applicant's employer (所在组织), where the application's policy sets conditions on it: each condition
 * with its article and what it finds, the application's eligibility as a whole, the employer's incidents as recorded,
 * and (for the office, while the application is a draft or returned) the form to record them.
 */
export function EmployerPage() {
  const { tenantKey = '', applicationId = '' } = useParams();
  const t = useT();
  const { has } = useTenantRoles(tenantKey);
  const application = useQuery({
    queryKey: ['office', tenantKey, 'application', applicationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/applications/{id}', {
          params: { path: { tenantKey, id: applicationId } },
        }),
      ),
  });
  const version = application.data?.policy.version;
  const policy = useQuery({
    queryKey: ['office', tenantKey, 'policy', version],
    enabled: version !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/policy', {
          params: { path: { tenantKey }, query: { version } },
        }),
      ),
  });
  return (
    <QueryState loading={application.isLoading || policy.isLoading} error={application.error ?? policy.error}>
      {() => {
        const a = application.data;
        const document = policy.data?.policy as unknown as Policy | undefined;
        if (!a || !document) return null;
        const rules = employerRulesOf(document);
        const findings = new Map(a.eligibility.findings.map((f) => [f.ruleId, f]));
        const editable = (a.status === 'draft' || a.status === 'returned') && has('office');
        const recorded = a.facts.employerIncidents;
        return (
          <>
            <Breadcrumb
              style={{ marginBottom: 16 }}
              items={[
                {
                  title: (
                    <Link to={`/office/${tenantKey}/applications`}>{t({ zh: '申报工作台', en: 'Applications' })}</Link>
                  ),
                },
                { title: <Link to={`/office/${tenantKey}/applications/${a.id}`}>{a.applicant.name}</Link> },
                { title: t({ zh: '所在组织', en: 'Employer' }) },
              ]}
            />
            <Card
              title={t({
                zh: `${a.applicant.name} · 所在组织条件`,
                en: `${a.applicant.name} · conditions on the employer`,
              })}
              extra={<StatusTag table={APPLICATION_STATUS} status={a.status} />}
              style={{ marginBottom: 24 }}
            >
              {a.applicant.kind !== 'individual' || rules.length === 0 ? (
                <Alert
                  type="info"
                  showIcon
                  title={t({
                    zh: `${a.policy.key} v${a.policy.version} 对个人申报者的所在组织未设条件`,
                    en: `${a.policy.key} v${a.policy.version} sets no condition on an individual applicant’s employer`,
                  })}
                />
              ) : (
                <>
                  <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
                    <Descriptions.Item label={t({ zh: '资格审查结论', en: 'Eligibility as a whole' })}>
                      <span data-testid="eligibility-outcome">
                        <StatusTag table={FINDING_OUTCOME} status={a.eligibility.outcome} />
                      </span>
                      <Typography.Text type="secondary">
                        {t({ zh: '审查日 ', en: 'as of ' })}
                        {formatDate(a.eligibility.asOf.slice(0, 10), t.language)}
                      </Typography.Text>
                    </Descriptions.Item>
                  </Descriptions>
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={rules}
                    data-testid="employer-conditions"
                    columns={[
                      { title: t({ zh: '依据', en: 'Article' }), width: 110, render: (_, r) => r.basis },
                      {
                        title: t({ zh: '办法规定的条件', en: 'The policy’s condition' }),
                        render: (_, r) => (
                          <>
                            {t(r.description)}
                            {r.kind === 'no_incidents' && r.lookbackYears !== null && (
                              <Tag style={{ marginLeft: 8 }}>
                                {t({ zh: `近 ${r.lookbackYears} 年`, en: `last ${r.lookbackYears} years` })}
                              </Tag>
                            )}
                          </>
                        ),
                      },
                      {
                        title: t({ zh: '审查结论', en: 'Finding' }),
                        width: 120,
                        render: (_, r) => {
                          const f = findings.get(r.id);
                          return f ? (
                            <StatusTag table={FINDING_OUTCOME} status={f.decision?.outcome ?? f.outcome} />
                          ) : (
                            '—'
                          );
                        },
                      },
                      {
                        title: t({ zh: '说明', en: 'Reason' }),
                        render: (_, r) => {
                          const f = findings.get(r.id);
                          return f ? t(f.reason) : '—';
                        },
                      },
                    ]}
                  />
                </>
              )}
            </Card>
            {a.applicant.kind === 'individual' && rules.length > 0 && (
              <Card title={t({ zh: '所在组织事故与违法记录', en: 'The employer’s incidents' })}>
                {recorded === undefined ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 16 }}
                    title={t({ zh: '尚未记录所在组织情况', en: 'The employer’s record is not declared yet' })}
                  />
                ) : (
                  <Table
                    size="small"
                    rowKey={(i) => `${i.kind}-${i.date}-${i.severity ?? ''}-${i.area ?? ''}`}
                    pagination={false}
                    style={{ marginBottom: 16 }}
                    dataSource={recorded}
                    locale={{ emptyText: t({ zh: '已记录：无', en: 'Recorded: none' }) }}
                    columns={[
                      {
                        title: t({ zh: '类别', en: 'Kind' }),
                        render: (_, i) => {
                          const kind = INCIDENT_KINDS.find((k) => k.value === i.kind);
                          return kind ? t(incidentKindLabel(kind)) : i.kind;
                        },
                      },
                      { title: t({ zh: '发生日期', en: 'Date' }), dataIndex: 'date' },
                      {
                        title: t({ zh: '等级', en: 'Grade' }),
                        render: (_, i) => (i.severity ? t(SEVERITY[i.severity]) : '—'),
                      },
                      { title: t({ zh: '领域', en: 'Area' }), render: (_, i) => (i.area ? t(AREA[i.area]) : '—') },
                    ]}
                  />
                )}
                {editable ? (
                  <EmployerIncidentsForm tenantKey={tenantKey} application={a} />
                ) : (
                  <Typography.Text type="secondary">
                    {t({
                      zh: '申报已提交：所在组织记录只能在草稿或退回修改时更改',
                      en: 'Submitted: the employer’s record changes only while a draft or returned',
                    })}
                  </Typography.Text>
                )}
              </Card>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
