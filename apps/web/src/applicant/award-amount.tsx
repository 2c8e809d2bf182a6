import { Alert, Typography } from 'antd';
import { formatYuan } from '../finance/yuan.util';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import type { UseView } from './use-report-form';

type Entitlement = UseView['entitlement'];

/**
 * What the winner is due: the amount; or, where the regulation leaves it to a decision (a cap, "不超过N万元", ADR 0033),
 * that it awaits finance's decision, with the cap and its article, until the decision is recorded.
 */
export function AwardAmount({ entitlement: e }: { entitlement: Entitlement }) {
  const t = useT();
  const article = e.basis ? `，${e.basis}` : '';
  if (e.status === 'amount_undecided')
    return (
      <span data-testid="award-amount">
        {e.capFen === null
          ? t({
              zh: `金额待财政部门确定（办法未规定数额${article}）`,
              en: 'Awaiting finance’s decision (no amount stated)',
            })
          : t({
              zh: `金额待财政部门确定（不超过${formatYuan(e.capFen)}元${article}）`,
              en: `Awaiting finance’s decision (at most CNY ${formatYuan(e.capFen)}${e.basis ? `, ${e.basis}` : ''})`,
            })}
      </span>
    );
  return <span data-testid="award-amount">{e.amountFen === null ? '—' : formatYuan(e.amountFen)}</span>;
}

/** The decision that set an amount the regulation left open: the body, its document, the cap, why, and when. */
export function AwardAmountDecision({ entitlement: e }: { entitlement: Entitlement }) {
  const t = useT();
  const d = e.amountDecision;
  if (!d) return null;
  const cap = e.capFen === null ? '' : `（上限${formatYuan(e.capFen)}元${e.basis ? `，${e.basis}` : ''}）`;
  return (
    <Alert
      data-testid="award-amount-decision"
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={t({
        zh: `${d.decidedBy}（${d.document}）确定金额：${formatYuan(d.amountFen)}元${cap}`,
        en: `${d.decidedBy} (${d.document}) decided CNY ${formatYuan(d.amountFen)}${e.capFen === null ? '' : ` (cap CNY ${formatYuan(e.capFen)})`}`,
      })}
      description={
        <Typography.Text type="secondary">
          {t({
            zh: `理由：${d.reason} · 记录于 ${formatInstant(d.recordedAt, 'zh')}`,
            en: `Reason: ${d.reason} · recorded ${formatInstant(d.recordedAt, 'en')}`,
          })}
        </Typography.Text>
      }
    />
  );
}
