import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Bilingual, Language } from '../i18n/language';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date and time is shown in Beijing time, whatever the reader's computer says. */
export const ZONE = 'Asia/Shanghai';

/** A calendar date (YYYY-MM-DD): 2026年12月14日 / 14 Dec 2026. */
export function formatDate(date: string, language: Language): string {
  const day = dayjs.tz(date, ZONE);
  return language === 'en' ? day.format('D MMM YYYY') : day.format('YYYY年M月D日');
}

/** An instant, in Beijing time: 2026年12月14日 16:05（北京时间）. */
export function formatInstant(instant: string, language: Language): string {
  const time = dayjs(instant).tz(ZONE);
  return language === 'en'
    ? `${time.format('D MMM YYYY HH:mm')} (Beijing time)`
    : `${time.format('YYYY年M月D日 HH:mm')}（北京时间）`;
}

/** A period ends at 24:00 of its last day (民法典 第二百零三条). */
export function formatDeadline(lastDay: string, language: Language): string {
  return language === 'en'
    ? `${formatDate(lastDay, language)}, 24:00 (Beijing time)`
    : `${formatDate(lastDay, language)} 24:00（北京时间）`;
}

/** The parts of a computed deadline's basis that every deadline shares: the Civil Code's counting rules and the
 * calendar's source. They stay in the record and the audit; people are shown the regulation's own article. */
const COMMON_BASIS = /^(民法典\s|日历\s)/;

/**
 * An article as people read it: `ili 第十七条` → `第十七条` (the policy's key is for the machines), and a deadline's
 * whole chain (`民法典 第二百零一条; 民法典 第二百零三条; ili 第十七条; 日历 2026年: …`) → `第十七条`. A chain with
 * no article of the regulation keeps its Civil Code rule.
 */
export function plainBasis(basis: string): string {
  const parts = basis
    .split(/;\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  const own = parts.filter((part) => !COMMON_BASIS.test(part));
  const shown = own.length > 0 ? own : parts.filter((part) => part.startsWith('民法典')).slice(0, 1);
  return (shown.length > 0 ? shown : parts).map((part) => part.replace(/^[a-z][a-z0-9-]*\s+/, '')).join('；');
}

/** A period with its unit and the article it comes from: 5 个工作日（第十七条）. */
export function formatPeriod(
  period: { count: number; unit: 'working_days' | 'calendar_days'; basis?: string | null },
  language: Language,
): string {
  const unit: Bilingual =
    period.unit === 'working_days'
      ? { zh: `${period.count} 个工作日`, en: `${period.count} working days` }
      : { zh: `${period.count} 天（自然日）`, en: `${period.count} calendar days` };
  const article = period.basis ? plainBasis(period.basis) : '';
  const basis = article ? (language === 'en' ? ` (${article})` : `（${article}）`) : '';
  return unit[language] + basis;
}
