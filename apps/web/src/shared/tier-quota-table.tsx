import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { Programme } from '../api/api-types';
import { formatYuan } from '../finance/yuan.util';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';

type Summary = Programme;
type TierSummary = Summary['tiers'][number];
type Kind = 'organisation' | 'individual';

const KIND: Record<Kind, Bilingual> = {
  organisation: { zh: '组织', en: 'Organisations' },
  individual: { zh: '个人', en: 'Individuals' },
};

/** The parts of a policy an operator may leave for later (packages/policy `policySectionSchema`), in words. */
export const SECTION: Record<string, Bilingual> = {
  'regulation.expires': { zh: '办法有效期', en: 'Expiry of the regulation' },
  eligibility: { zh: '申报条件', en: 'Eligibility' },
  'tiers.quota': { zh: '奖项名额', en: 'Quotas' },
  'tiers.money': { zh: '奖金与资助', en: 'Prize money' },
  'tiers.validity': { zh: '称号有效期', en: 'Validity of titles' },
  'tiers.reapplication': { zh: '再次申报', en: 'Applying again' },
  'procedure.notices': { zh: '公示', en: 'Public notices' },
  scoring: { zh: '评审评分', en: 'Scoring' },
  objections: { zh: '异议处理', en: 'Objections' },
  reports: { zh: '举报', en: 'Reports' },
  funding: { zh: '经费保障', en: 'Funding' },
  consequences: { zh: '监督管理与处理', en: 'Consequences' },
  'obligations.reports': { zh: '获奖者报告义务', en: 'Winners’ reports' },
  'obligations.titleUse': { zh: '称号使用', en: 'Use of the title' },
  conduct: { zh: '工作纪律', en: 'Conduct' },
  bodies: { zh: '组织机构', en: 'Bodies' },
};

const NOT_TRANSCRIBED: Bilingual = { zh: '尚未录入', en: 'not yet transcribed' };

/**
 * A jurisdiction's tiers at a glance, every figure with its article: the quota per cycle and each applicant kind's own
 * quota, whether it binds or holds "in principle" (原则上) and whether places may stay vacant; the prize per applicant
 * kind, exact or a cap (不超过) within which a body decides; the validity. A section the operator has not transcribed
 * yet says 尚未录入 rather than passing as a silence of the text.
 */
export function TierQuotaTable({ summary }: { summary: Summary }) {
  const t = useT();
  const pending = new Map(summary.untranscribed.map((entry) => [entry.section, entry]));
  const kinds = summary.applicantKinds.map((k) => k.kind);
  const cite = (basis: string) => (t.language === 'en' ? ` (${basis})` : `（${basis}）`);
  const article = (basis: string | null | undefined) =>
    basis ? <Typography.Text type="secondary">{cite(basis)}</Typography.Text> : null;
  const notTranscribed = (section: string) => {
    const entry = pending.get(section);
    return entry ? (
      <span data-testid="not-transcribed">
        <Tag color="orange">{t(NOT_TRANSCRIBED)}</Tag>
        {article(entry.basis)}
      </span>
    ) : null;
  };
  const flags = (binding: 'hard' | 'in_principle', vacancies: boolean) => (
    <>
      {binding === 'in_principle' && <Tag color="purple">{t({ zh: '原则上', en: 'in principle' })}</Tag>}
      {vacancies && <Tag>{t({ zh: '可空缺', en: 'vacancies allowed' })}</Tag>}
    </>
  );
  const quotaText = (max: number, binding: 'hard' | 'in_principle') =>
    binding === 'hard'
      ? t({ zh: `不超过 ${max} 名`, en: `at most ${max}` })
      : t({ zh: `原则上 ${max} 名`, en: `${max} in principle` });
  const quota = (tier: TierSummary) =>
    notTranscribed('tiers.quota') ?? (
      <Space orientation="vertical" size={2}>
        <span>
          {t({ zh: '合计', en: 'In all' })} {quotaText(tier.quota, tier.quotaBinding)}{' '}
          {flags(tier.quotaBinding, tier.vacanciesAllowed)}
          {article(tier.quotaBasis)}
        </span>
        {tier.quotaByKind.map((own) => (
          <span key={own.kind} data-testid={`quota-${tier.tier}-${own.kind}`}>
            {t(KIND[own.kind])} {quotaText(own.max, own.binding)} {flags(own.binding, own.vacanciesAllowed)}
            {own.basis !== tier.quotaBasis && article(own.basis)}
          </span>
        ))}
      </Space>
    );
  const money = (tier: TierSummary) => {
    if (tier.moneyForm === 'unspecified')
      return notTranscribed('tiers.money') ?? t({ zh: '办法未规定金额', en: 'no amount stated' });
    if (tier.moneyForm === 'non_cash') return t({ zh: '无现金奖励', en: 'no money' });
    const form = tier.moneyForm === 'prize' ? { zh: '奖金', en: 'Prize' } : { zh: '资助', en: 'Grant' };
    return (
      <Space orientation="vertical" size={2}>
        <span>
          {t(form)} {tier.moneyInPrinciple && <Tag color="purple">{t({ zh: '原则上', en: 'in principle' })}</Tag>}
          {article(tier.moneyBasis)}
        </span>
        {kinds.map((kind) => {
          const fen = tier.moneyFen[kind];
          const cap = tier.moneyAmountIs[kind] === 'cap';
          return (
            <span key={kind} data-testid={`money-${tier.tier}-${kind}`}>
              {t(KIND[kind])}{' '}
              {fen === null
                ? '—'
                : cap
                  ? t({ zh: `不超过 ${formatYuan(fen)} 元`, en: `up to CNY ${formatYuan(fen)}` })
                  : t({ zh: `${formatYuan(fen)} 元`, en: `CNY ${formatYuan(fen)}` })}{' '}
              {fen !== null &&
                (cap ? (
                  <Tag color="gold">{t({ zh: '上限，金额另行决定', en: 'cap: the amount is decided' })}</Tag>
                ) : (
                  <Tag color="green">{t({ zh: '确定金额', en: 'exact' })}</Tag>
                ))}
            </span>
          );
        })}
      </Space>
    );
  };
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="tier"
        dataSource={summary.tiers}
        data-testid="tier-quota-table"
        columns={[
          {
            title: t({ zh: '奖项', en: 'Tier' }),
            render: (_, tier) => (
              <>
                {t(tier.name)}
                {article(tier.basis)}
              </>
            ),
          },
          { title: t({ zh: '名额', en: 'Quota' }), render: (_, tier) => quota(tier) },
          { title: t({ zh: '奖金/资助', en: 'Prize or grant' }), render: (_, tier) => money(tier) },
          {
            title: t({ zh: '有效期', en: 'Validity' }),
            render: (_, tier) =>
              tier.validityYears
                ? t({ zh: `${tier.validityYears} 年`, en: `${tier.validityYears} years` })
                : (notTranscribed('tiers.validity') ?? t({ zh: '办法未规定', en: 'not stated' })),
          },
        ]}
      />
      {summary.untranscribed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="untranscribed-sections"
          title={t({
            zh: '以下部分尚未录入（不是办法未作规定）：',
            en: 'Not yet transcribed (not a silence of the regulation):',
          })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {summary.untranscribed.map((entry) => (
                <li key={entry.section}>
                  {t(SECTION[entry.section] ?? { zh: entry.section, en: entry.section })} · {t(NOT_TRANSCRIBED)}
                  {entry.basis ? cite(entry.basis) : ''}
                  {entry.note ? <Typography.Text type="secondary"> — {entry.note}</Typography.Text> : null}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
