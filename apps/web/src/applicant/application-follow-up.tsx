import { Alert, Card, Table, Timeline } from 'antd';
import type { Application } from '../api/api-types';
import { formatDeadline, formatInstant, plainBasis } from '../format/shanghai-time';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';
import { APPLICATION_STATUS, applicationStatusTable, labelOf } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

const STAGES: Record<string, Bilingual> = {
  internal_publicity: { zh: '内部公示', en: 'Internal publicity' },
  recommendation: { zh: '推荐公示', en: 'Recommendation notice' },
  acceptance: { zh: '受理名单公示', en: 'Acceptance list notice' },
  formal_review: { zh: '形式审查', en: 'Formal review' },
};

const DECISIONS: Record<string, Bilingual> = {
  recommend: { zh: '同意推荐', en: 'Recommended' },
  return: { zh: '退回补正', en: 'Returned for correction' },
  refuse: { zh: '不予推荐', en: 'Refused' },
};

/**
 * Following the application: the recommender's opinion, the written reasons of an outcome (not accepted, refused,
 * disqualified), the public notices it is on (each with its deadline and a link to the public page), its history.
 */
export function ApplicationFollowUp({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const at = (instant: string) => formatInstant(instant, t.language);
  const { recommendation, outcome } = application;
  return (
    <>
      {recommendation && (
        <Alert
          style={{ marginBottom: 16 }}
          type={recommendation.decision === 'recommend' ? 'success' : 'warning'}
          showIcon
          data-testid="recommendation"
          title={`${t(labelOf(DECISIONS, recommendation.decision))}：${recommendation.text}`}
          description={`${application.recommender?.name ?? ''} · ${at(recommendation.at)}`}
        />
      )}
      {outcome && (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          data-testid="outcome"
          title={t(labelOf(APPLICATION_STATUS, outcome.status))}
          description={`${outcome.reasons}${outcome.basis ? `（${plainBasis(outcome.basis)}）` : ''} · ${at(outcome.at)}`}
        />
      )}
      <Card title={t({ zh: '公示', en: 'Notices' })} style={{ marginBottom: 24 }}>
        <Table
          size="small"
          rowKey="noticeId"
          pagination={false}
          data-testid="application-notices"
          dataSource={application.notices}
          locale={{ emptyText: t({ zh: '尚未公示', en: 'On no notice yet' }) }}
          columns={[
            {
              title: t({ zh: '公示', en: 'Notice' }),
              render: (_, n) => (
                <a href={`/p/${tenantKey}/notices/${n.noticeId}`} target="_blank" rel="noreferrer">
                  {t(labelOf(STAGES, n.stage))}
                </a>
              ),
            },
            { title: t({ zh: '截止', en: 'Closes' }), render: (_, n) => formatDeadline(n.lastDay, t.language) },
            {
              title: t({ zh: '结果', en: 'Outcome' }),
              render: (_, n) => n.outcome ?? t({ zh: '公示中', en: 'Open' }),
            },
          ]}
        />
        {application.held && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t({
              zh: `公示期满，尚有 ${application.objectionsPending} 件异议待处理`,
              en: `The notice closed with ${application.objectionsPending} objection(s) pending`,
            })}
          />
        )}
      </Card>
      <Card title={t({ zh: '办理记录', en: 'History' })}>
        <Timeline
          items={application.history.map((h) => ({
            children: (
              <>
                <div>
                  <StatusTag table={applicationStatusTable(application)} status={h.to} /> {at(h.at)}
                </div>
                <div style={{ color: '#666' }}>
                  {[h.reason, h.basis ? plainBasis(h.basis) : null].filter(Boolean).join(' · ')}
                </div>
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
