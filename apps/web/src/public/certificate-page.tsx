import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Result, Tag } from 'antd';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatDate } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { VERDICT_LABELS } from '../post-award/post-award-labels';
import { QueryState } from '../shared/query-state';

/** The QR code's page: is this certificate valid, expired, lost or revoked (证书核验). No personal data. */
export function CertificatePage() {
  const { tenantKey = '', number = '' } = useParams();
  const t = useT();
  const answer = useQuery({
    queryKey: ['public', tenantKey, 'certificate', number],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/public/{tenantKey}/certificates/{number}', { params: { path: { tenantKey, number } } }),
      ),
    retry: false,
  });
  return (
    <QueryState loading={answer.isLoading} error={answer.error}>
      {() => {
        const c = answer.data;
        if (!c) return null;
        const verdict = VERDICT_LABELS[c.verdict] ?? { text: { zh: c.verdict, en: c.verdict }, color: 'default' };
        return (
          <Card title={t({ zh: '证书核验', en: 'Certificate verification' })}>
            <Result
              status={c.verdict === 'valid' ? 'success' : c.verdict === 'revoked' ? 'error' : 'warning'}
              title={<span data-testid="certificate-verdict">{t(verdict.text)}</span>}
              subTitle={t({
                zh: `证书编号 ${c.number} · 核验日期 ${formatDate(c.checkedOn, 'zh')}`,
                en: `Certificate ${c.number} · checked on ${formatDate(c.checkedOn, 'en')}`,
              })}
            />
            {c.decision && (
              <Alert
                type={c.verdict === 'revoked' ? 'error' : 'warning'}
                showIcon
                style={{ marginBottom: 16 }}
                title={t(
                  c.decision.kind === 'revocation'
                    ? { zh: '该称号已被撤销', en: 'The title was revoked' }
                    : { zh: '复评后取消称号', en: 'The title was lost at re-evaluation' },
                )}
                description={[
                  c.decision.body,
                  c.decision.documentNumber,
                  formatDate(c.decision.decidedOn, t.language),
                  c.decision.basis,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            )}
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t({ zh: '获奖者', en: 'Holder' })}>{c.holder.name}</Descriptions.Item>
              <Descriptions.Item label={t({ zh: '奖项', en: 'Award' })}>
                {t(c.programmeName)}（{t(c.tierName)}）
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '年度 / 届次', en: 'Year / cycle' })}>
                {t({ zh: `${c.year}年度 / 第${c.cycleNumber}届`, en: `${c.year} / cycle ${c.cycleNumber}` })}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '有效期', en: 'Valid' })}>
                {c.validUntil
                  ? `${formatDate(c.validFrom, t.language)} – ${formatDate(c.validUntil, t.language)}（${c.validityBasis}）`
                  : t({ zh: `自${formatDate(c.validFrom, 'zh')}起`, en: `from ${formatDate(c.validFrom, 'en')}` })}
              </Descriptions.Item>
              <Descriptions.Item label={t({ zh: '状态', en: 'Status' })}>
                <Tag color={verdict.color}>{t(verdict.text)}</Tag>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        );
      }}
    </QueryState>
  );
}
