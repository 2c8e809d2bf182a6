import { Breadcrumb, Card, Col, Descriptions, Row, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { ApplicationFollowUp } from '../applicant/application-follow-up';
import { EligibilityTable } from '../applicant/eligibility-table';
import { useApplication, useMaterials } from '../applicant/use-application';
import { formatDeadline, formatInstant, plainBasis } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';
import { APPLICATION_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { MaterialLink } from './material-link';
import { ReviewForm } from './review-form';

/**
 * An application submitted to this recommender: the applicant, its eligibility per rule, its submitted materials
 * (never those marked as trade secrets: the service leaves them out), internal publicity, and the review.
 */
export function RecommenderApplicationPage() {
  const { tenantKey = '', applicationId = '' } = useParams();
  const t = useT();
  const application = useApplication(tenantKey, applicationId);
  const materials = useMaterials(tenantKey, applicationId);
  return (
    <QueryState loading={application.isLoading} error={application.error}>
      {() => {
        const a = application.data;
        if (!a) return null;
        return (
          <>
            <Breadcrumb
              style={{ marginBottom: 16 }}
              items={[
                { title: <Link to={`/recommender/${tenantKey}`}>{t({ zh: '推荐审核工作台', en: 'Queue' })}</Link> },
                { title: a.applicant.name },
              ]}
            />
            <Card
              title={a.applicant.name}
              extra={<StatusTag table={APPLICATION_STATUS} status={a.status} />}
              style={{ marginBottom: 24 }}
            >
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={t({ zh: '届', en: 'Cycle' })}>
                  {t({
                    zh: `第${a.cycle.number}届（${a.cycle.year}）`,
                    en: `Cycle ${a.cycle.number} (${a.cycle.year})`,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={t({ zh: '内部公示', en: 'Internal publicity' })}>
                  {a.publicity
                    ? `${formatDeadline(a.publicity.lastDay, t.language)}（${plainBasis(a.publicity.basis)}）· ${a.publicity.evidence}`
                    : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Row gutter={24}>
              <Col xs={24} xl={15}>
                <ReviewForm tenantKey={tenantKey} application={a} />
                <Card title={t({ zh: '资格条件', en: 'Eligibility' })} style={{ marginBottom: 24 }}>
                  <EligibilityTable application={a} />
                </Card>
                <Card title={t({ zh: '申报材料', en: 'Materials' })} style={{ marginBottom: 24 }}>
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    loading={materials.isLoading}
                    dataSource={materials.data?.materials ?? []}
                    data-testid="recommender-materials"
                    columns={[
                      {
                        title: t({ zh: '材料名称', en: 'Title' }),
                        render: (_, m) => <MaterialLink tenantKey={tenantKey} applicationId={a.id} material={m} />,
                      },
                      {
                        title: t({ zh: '提交时间', en: 'Submitted' }),
                        render: (_, m) => {
                          const v = m.versions.find((x) => x.version === m.currentVersion);
                          return v?.frozenAt ? formatInstant(v.frozenAt, t.language) : '—';
                        },
                      },
                    ]}
                  />
                </Card>
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
