import { Tag, Typography } from 'antd';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import type { Entitlement } from './amount-decision-modal';
import { formatYuan } from './yuan.util';

/**
 * What an entitlement is due: the amount; or, where the regulation gives a cap and leaves the amount to a decision,
 * the cap until the decision is recorded, then the amount decided under its cap.
 */
export function EntitlementAmountCell({ entitlement: e }: { entitlement: Entitlement }) {
  const t = useT();
  const cap = e.capFen === null ? null : t({ zh: `上限 ${formatYuan(e.capFen)}`, en: `cap ${formatYuan(e.capFen)}` });
  if (e.status === 'amount_undecided')
    return (
      <div data-testid="entitlement-amount" style={{ whiteSpace: 'nowrap' }}>
        {e.capFen === null ? (
          t({ zh: '办法未定金额', en: 'no amount stated' })
        ) : (
          <Tag color="gold">{t({ zh: `不超过 ${formatYuan(e.capFen)}`, en: `at most ${formatYuan(e.capFen)}` })}</Tag>
        )}
        <div>
          <Typography.Text type="secondary">{t({ zh: '待记录金额决定', en: 'awaiting the decision' })}</Typography.Text>
        </div>
      </div>
    );
  return (
    <div data-testid="entitlement-amount" style={{ whiteSpace: 'nowrap' }}>
      {e.amountFen === null ? '—' : formatYuan(e.amountFen)}
      {cap && (
        <div>
          <Typography.Text type="secondary">{cap}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** Why the entitlement is what it is; for a decided amount, who recorded the decision and when. */
export function EntitlementReasonCell({ entitlement: e }: { entitlement: Entitlement }) {
  const t = useT();
  const decision = e.amountDecision;
  return (
    <div style={{ minWidth: 200, maxWidth: 260 }}>
      {t(e.reason)}
      {decision && (
        <div data-testid="amount-decision-recorded">
          <Typography.Text type="secondary">
            {t({
              zh: `记录：${decision.recordedBy ?? '—'} · ${formatInstant(decision.recordedAt, 'zh')}`,
              en: `Recorded by ${decision.recordedBy ?? '—'}, ${formatInstant(decision.recordedAt, 'en')}`,
            })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
