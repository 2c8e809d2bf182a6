import { Tag, Typography } from 'antd';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import type { Entitlement } from './amount-decision-modal';
import { formatYuan } from './yuan.util';

/**
 * What an entitlement is due: the amount; or, where the regulation gives a cap and leaves the amount to a decision,
 * the cap until the decision is recorded, then the amount with who decided it (body, document, reason) and who
 * recorded it when.
 */
export function EntitlementAmountCell({ entitlement: e }: { entitlement: Entitlement }) {
  const t = useT();
  const cap = e.capFen === null ? null : t({ zh: `上限 ${formatYuan(e.capFen)}`, en: `cap ${formatYuan(e.capFen)}` });
  if (e.status === 'amount_undecided')
    return (
      <div data-testid="entitlement-amount">
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
  const decision = e.amountDecision;
  return (
    <div data-testid="entitlement-amount">
      {e.amountFen === null ? '—' : formatYuan(e.amountFen)}
      {cap && (
        <div>
          <Typography.Text type="secondary">{cap}</Typography.Text>
        </div>
      )}
      {decision && (
        <div style={{ maxWidth: 260, textAlign: 'left' }}>
          <Typography.Text type="secondary">
            {t({
              zh: `${decision.decidedBy}（${decision.document}）决定；理由：${decision.reason}；${decision.recordedBy ?? '—'} 记录于 ${formatInstant(decision.recordedAt, 'zh')}`,
              en: `decided by ${decision.decidedBy} (${decision.document}); reason: ${decision.reason}; recorded by ${decision.recordedBy ?? '—'} ${formatInstant(decision.recordedAt, 'en')}`,
            })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
