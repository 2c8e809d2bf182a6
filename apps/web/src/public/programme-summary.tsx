import { Card, Descriptions, Table, Typography } from 'antd';
import type { Programme } from '../api/api-types';
import { formatDate, formatPeriod } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { TierQuotaTable } from '../shared/tier-quota-table';

/** The award and its regulation in plain words: every line with the article it comes from. */
export function ProgrammeSummary({ programme }: { programme: Programme }) {
  const t = useT();
  const { language } = t;
  const article = (basis: string | null | undefined) =>
    basis ? <Typography.Text type="secondary">{basis}</Typography.Text> : null;
  return (
    <Card title={t({ zh: '奖项与管理办法', en: 'The award and its regulation' })} style={{ marginTop: 24 }}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t({ zh: '奖项', en: 'Award' })}>{t(programme.name)}</Descriptions.Item>
        <Descriptions.Item label={t({ zh: '评选周期', en: 'Cycle' })}>
          {t({ zh: `每 ${programme.cycleYears} 年评选一届`, en: `One cycle every ${programme.cycleYears} year(s)` })}{' '}
          {article(programme.cycleBasis)}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '办法施行', en: 'In force' })}>
          {formatDate(programme.inForce, language)}
          {programme.expires ? ` — ${formatDate(programme.expires, language)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '异议审查期限', en: 'Objections examined within' })}>
          {programme.objectionExamination
            ? formatPeriod(programme.objectionExamination, language)
            : t({ zh: '办法未规定', en: 'not set by the regulation' })}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '申报对象', en: 'Who may apply' })} span={2}>
          {programme.applicantKinds.map((kind) => (
            <div key={kind.kind}>
              {t(kind.description)} {article(kind.basis)}
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t({ zh: '奖项设置', en: 'Tiers' })}
      </Typography.Title>
      <TierQuotaTable summary={programme} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t({ zh: '公示', en: 'Public notices' })}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="stage"
        dataSource={programme.notices.filter((n) => n.scope === 'public')}
        columns={[
          { title: t({ zh: '环节', en: 'Stage' }), render: (_, notice) => t(notice.stageName) },
          {
            title: t({ zh: '公示期', en: 'Period' }),
            render: (_, notice) =>
              notice.count && notice.unit
                ? formatPeriod({ count: notice.count, unit: notice.unit, basis: notice.basis }, language)
                : t({ zh: `由办公室确定（${notice.basis}）`, en: `set by the office (${notice.basis})` }),
          },
        ]}
      />
    </Card>
  );
}
