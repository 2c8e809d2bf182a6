import { Alert } from 'antd';
import type { ResponseOf } from '../../api/api-types';
import { useT } from '../../i18n/language-context';

type BanChecks = ResponseOf<'/api/v1/tenants/{tenantKey}/applications/{id}', 'get'>['banChecks'];
type Flag = NonNullable<BanChecks[number]['crossTenantFlags']>[number];

/** One line per flag: tenant, kind, until, article, date. */
export function CrossTenantFlagLines({ flags }: { flags: readonly Flag[] }) {
  const t = useT();
  return (
    <>
      {flags.map((flag) => (
        <div key={`${flag.tenantKey}-${flag.kind}-${flag.recordedOn}`}>
          {flag.tenantKey} ·{' '}
          {flag.kind === 'ban'
            ? t({ zh: '禁止申报', en: 'application ban' })
            : t({ zh: '撤销奖项', en: 'award revoked' })}
          {flag.untilYear
            ? t({ zh: `（${flag.untilYear}年起可再申报）`, en: ` (may apply again from ${flag.untilYear})` })
            : ''}{' '}
          · {flag.article} · {flag.recordedOn}
        </div>
      ))}
    </>
  );
}

/**
 * Other jurisdictions' revocations and bans of the applicant (the cross-tenant register), as the latest ban check
 * brought them: tenant, kind, until, article — never the file. They refuse nothing here; the office weighs them.
 */
export function CrossTenantFlags({ checks }: { checks: BanChecks }) {
  const t = useT();
  const flags = [...checks].reverse().find((check) => check.crossTenantFlags?.length)?.crossTenantFlags ?? [];
  if (flags.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="cross-tenant-flags"
      message={t({ zh: '其他辖区的撤销或禁止申报记录', en: 'Revocations or bans in other jurisdictions' })}
      description={<CrossTenantFlagLines flags={flags} />}
    />
  );
}
