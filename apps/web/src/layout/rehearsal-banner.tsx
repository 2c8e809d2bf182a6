import { ExperimentOutlined } from '@ant-design/icons';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { usePlatformClock } from '../shared/use-platform-clock';

/**
 * On a rehearsal platform (`LAUREL_CLOCK=virtual`, ADR 0017) every page says so above its header, with the platform's
 * virtual time, in a striped violet that no production page uses; on a real platform it shows nothing.
 */
export function RehearsalBanner() {
  const t = useT();
  const clock = usePlatformClock({ refetchInterval: 15000 });
  if (clock.data?.mode !== 'virtual') return null;
  return (
    <div
      role="status"
      data-testid="rehearsal-banner"
      style={{
        background: 'repeating-linear-gradient(135deg, #391085, #391085 14px, #531dab 14px, #531dab 28px)',
        color: '#fff',
        padding: '6px 24px',
        fontWeight: 600,
        letterSpacing: 1,
        display: 'flex',
        gap: 12,
        alignItems: 'center',
      }}
    >
      <ExperimentOutlined />
      <span>{t({ zh: '演练平台', en: 'Rehearsal platform' })}</span>
      <span>
        {t({ zh: '平台时间：', en: 'Platform time: ' })}
        {formatInstant(clock.data.now, t.language)}
      </span>
      <span style={{ fontWeight: 400 }}>
        {t({
          zh: '（虚拟时间，非正式运行，所作处理不产生实际效力）',
          en: '(virtual time; nothing done here has effect)',
        })}
      </span>
    </div>
  );
}
