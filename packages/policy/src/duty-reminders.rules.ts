/**
 * When the platform reminds a winner of a duty and the office of a re-evaluation. The regulations set the duties and
 * their dates (linxia 第三十二条 每年7月份; inner-mongolia 第二十七条 按时报送; linxia 第五条 re-evaluation at expiry) but
 * say nothing of reminders: a reminder is a courtesy of the platform, with no legal effect, so these are platform
 * defaults rather than a policy's articles. What follows a missed date (an overdue case, escalation, a possible
 * revocation case) is the regulation's and cites it.
 */
export const DUTY_REMINDER_DAYS_BEFORE = [30, 7] as const;

/** The office is reminded of a title's re-evaluation this many days before the title's validity ends. */
export const RE_EVALUATION_REMINDER_DAYS_BEFORE = [90, 30] as const;

/** A duty left open this many days past its due date is escalated from the winner's reminders to the office. */
export const DUTY_ESCALATION_DAYS_AFTER = 0;
