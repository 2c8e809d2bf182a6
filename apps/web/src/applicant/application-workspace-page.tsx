import { Breadcrumb, Card, Col, Descriptions, Row, Steps } from 'antd';
import { Link, useParams } from 'react-router';
import { plainBasis } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { applicationStatusTable } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { ApplicationFollowUp } from './application-follow-up';
import { EligibilityTable } from './eligibility-table';
import { FactsForm } from './facts-form';
import { MaterialsCard } from './materials-card';
import { PublicityCard } from './publicity-card';
import { SubmitCard } from './submit-card';
import { useApplication } from './use-application';

const STEP_NAMES = {
  internal_publicity: { zh: '内部公示', en: 'Internal publicity' },
  submission: { zh: '提交', en: 'Submission' },
  recommendation: { zh: '推荐', en: 'Recommendation' },
  formal_review: { zh: '形式审查', en: 'Formal review' },
  acceptance: { zh: '受理', en: 'Acceptance' },
} as const;

/**
 * The applicant's own application, from draft to outcome: the policy's steps, declared facts and statements,
 * eligibility per rule, materials, internal publicity, submission, and what happened since.
 */
export function ApplicationWorkspacePage() {
  const { tenantKey = '', applicationId = '' } = useParams();
  const t = useT();
  const application = useApplication(tenantKey, applicationId);
  return (
    <QueryState loading={application.isLoading} error={application.error}>
      {() => {
        const a = application.data;
        if (!a) return null;
        const current = a.plan.findIndex((s) => s.stage === a.stage);
        return (
          <>
            <Breadcrumb
              style={{ marginBottom: 16 }}
              items={[
                { title: <Link to={`/applicant/${tenantKey}`}>{t({ zh: '我的申报', en: 'My applications' })}</Link> },
                { title: t({ zh: `第${a.cycle.number}届`, en: `Cycle ${a.cycle.number}` }) },
              ]}
            />
            <Card
              title={a.applicant.name}
              extra={
                <span data-testid="application-status">
                  <StatusTag table={applicationStatusTable(a)} status={a.status} />
                </span>
              }
              style={{ marginBottom: 24 }}
            >
              <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t({ zh: '届', en: 'Cycle' })}>
                  {t({
                    zh: `第${a.cycle.number}届（${a.cycle.year}）`,
                    en: `Cycle ${a.cycle.number} (${a.cycle.year})`,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '推荐单位', en: 'Recommender' })}>
                  {a.recommender?.name ?? '—'}
                </Descriptions.Item>
              </Descriptions>
              <Steps
                size="small"
                current={current < 0 ? (a.status === 'draft' ? 0 : a.plan.length) : current}
                items={a.plan.map((s) => ({
                  title: t(STEP_NAMES[s.kind]),
                  description: plainBasis(s.basis),
                }))}
              />
            </Card>
            <Row gutter={24}>
              <Col xs={24} xl={15}>
                <Card
                  title={t({ zh: '申报事实与承诺', en: 'Declared facts and statements' })}
                  style={{ marginBottom: 24 }}
                >
                  <FactsForm key={a.history.length} tenantKey={tenantKey} application={a} />
                </Card>
                <Card title={t({ zh: '资格条件', en: 'Eligibility' })} style={{ marginBottom: 24 }}>
                  <EligibilityTable application={a} />
                </Card>
                <MaterialsCard tenantKey={tenantKey} application={a} />
                <PublicityCard tenantKey={tenantKey} application={a} />
                <SubmitCard tenantKey={tenantKey} application={a} />
              </Col>
              <Col xs={24} xl={9}>
                <ApplicationFollowUp tenantKey={tenantKey} application={a} />
              </Col>
            </Row>
          </>
        );
      }}
    </QueryState>
  );
}
