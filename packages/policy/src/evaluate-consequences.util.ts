import {
  type Accident,
  accidentThresholdsOf,
  describeThreshold,
  matchAccident,
  severityNames,
  severityOf,
} from './accident-threshold.util';
import { isoDate } from './iso-date.util';
import type { ConsequenceRule, EventKind, LocalizedText, Policy, TierKey } from './policy.schema';
import { notTranscribedReason, untranscribedOf } from './untranscribed.util';

/** An event after (or before) the award; an accident gives its `severity` and `area` (see `Accident`). */
export interface ConsequenceEvent extends Accident {
  readonly kind: EventKind;
  /** When it happened (YYYY-MM-DD). */
  readonly date: string;
  /** The award date, when the applicant won; null or omitted when it never won. */
  readonly awardDate?: string | null;
  /** The tier won, when it matters. */
  readonly tier?: TierKey;
  /** The date of the finding or revocation, from which a ban counts; defaults to the event date. */
  readonly decisionDate?: string;
}

export type ConsequenceKind =
  | 'revoke'
  | 'recover_certificate_and_plaque'
  | 'clawback'
  | 'ban'
  | 'credit_record'
  | 'publish'
  | 'needs_approval'
  | 'investigation'
  /** 约谈: short of revocation */
  | 'summons'
  /** 责令整改: short of revocation; `within` the period the text gives */
  | 'rectification_order'
  /** 停止使用称号: the revoked winner's duty */
  | 'stop_using_title';

export interface ConsequenceBan {
  readonly unit: 'years' | 'cycles' | 'permanent';
  /** null for a permanent ban (不再受理). */
  readonly count: number | null;
  readonly from: 'decision_year' | 'revocation_year';
  readonly startYear: number;
  /**
   * The first year an application is accepted again (cycles converted with the policy's cycle length); null: never
   * (a permanent ban).
   */
  readonly allowedFromYear: number | null;
}

export interface Consequence {
  readonly kind: ConsequenceKind;
  readonly basis: string;
  readonly ruleId: string;
  readonly ban?: ConsequenceBan;
  /** Who approves, investigates, summons or orders the rectification, or the credit system. */
  readonly by?: LocalizedText;
  /** A rectification order's period, where the text gives one. */
  readonly within?: { readonly unit: 'months' | 'days'; readonly count: number };
  /** A rectification order: the rule that applies when it is not complied with. */
  readonly failing?: string;
}

export interface ConsequenceResult {
  readonly outcome: 'consequences' | 'none';
  readonly consequences: readonly Consequence[];
  /** Why each rule naming this event did or did not apply. */
  readonly rules: readonly {
    readonly ruleId: string;
    readonly basis: string;
    readonly applies: boolean;
    readonly reason: LocalizedText;
  }[];
  readonly reason: LocalizedText;
  /** True when the policy has not transcribed its consequences yet: `none` then means "not known", not "none". */
  readonly untranscribed?: boolean;
}

function windowEnd(rule: ConsequenceRule, awardDate: string): string | null {
  if (rule.window.kind === 'any_time') return null;
  const { unit, count } = rule.window.length;
  return unit === 'years' ? isoDate.addYears(awardDate, count) : isoDate.addMonths(awardDate, count);
}

const isAccident = (kind: EventKind): boolean => kind === 'accident' || kind === 'major_accident';

/** Whether the rule names the event: an accident, under a rule naming accidents, whatever the grade (checked next). */
const names = (rule: ConsequenceRule, kind: EventKind): boolean =>
  rule.events.includes(kind) || (isAccident(kind) && rule.events.some(isAccident));

/**
 * An accident counts only at or above a grade the rule's text names (inner-mongolia 第二十四条: 较大 quality and
 * safety accidents; xinzhou-district 第十七条（二）: 重大 accidents, or any work-safety accident); null when it does.
 */
function belowThreshold(rule: ConsequenceRule, event: ConsequenceEvent): LocalizedText | null {
  if (!isAccident(event.kind)) return null;
  const thresholds = accidentThresholdsOf(rule);
  const severity = severityOf(event.kind, event);
  const match = matchAccident(thresholds, { ...event, severity });
  if (match === 'meets') return null;
  const named = thresholds.map(describeThreshold);
  const grade = severity ? severityNames[severity] : { zh: '未注明等级', en: 'ungraded' };
  return match === 'unknown'
    ? {
        zh: `事故等级或类别未注明；本条适用于：${named.map((t) => t.zh).join('；')}`,
        en: `the accident's grade or area is not given; this rule covers ${named.map((t) => t.en).join('; ')}`,
      }
    : {
        zh: `${grade.zh}事故未达本条所列：${named.map((t) => t.zh).join('；')}`,
        en: `a ${grade.en} accident is below what this rule covers: ${named.map((t) => t.en).join('; ')}`,
      };
}

function applicability(rule: ConsequenceRule, event: ConsequenceEvent): { applies: boolean; reason: LocalizedText } {
  const below = belowThreshold(rule, event);
  if (below) return { applies: false, reason: below };
  const awardDate = event.awardDate ?? null;
  if (rule.requiresAward && awardDate === null) {
    return { applies: false, reason: { zh: '仅适用于获奖者', en: 'applies to winners only' } };
  }
  if (rule.tiers && event.tier && !rule.tiers.includes(event.tier)) {
    return {
      applies: false,
      reason: { zh: `不适用于该奖项（${event.tier}）`, en: `does not apply to tier ${event.tier}` },
    };
  }
  if (awardDate !== null && rule.window.kind === 'after_award') {
    const end = windowEnd(rule, awardDate);
    const { unit, count } = rule.window.length;
    const span = unit === 'years' ? `${count}年` : `${count}个月`;
    const spanEn = `${count} ${unit}`;
    if (isoDate.compare(event.date, awardDate) < 0) {
      return {
        applies: false,
        reason: {
          zh: `事件（${event.date}）早于获奖（${awardDate}）`,
          en: `the event (${event.date}) precedes the award (${awardDate})`,
        },
      };
    }
    if (end !== null && isoDate.compare(event.date, end) > 0) {
      return {
        applies: false,
        reason: {
          zh: `事件（${event.date}）不在获奖后${span}内（至${end}）`,
          en: `the event (${event.date}) is outside ${spanEn} of the award (until ${end})`,
        },
      };
    }
    return {
      applies: true,
      reason: { zh: `事件在获奖后${span}内（至${end}）`, en: `within ${spanEn} of the award (until ${end})` },
    };
  }
  return { applies: true, reason: { zh: '无时间限制', en: 'no time limit' } };
}

function consequencesOf(policy: Policy, rule: ConsequenceRule, event: ConsequenceEvent): Consequence[] {
  const out: Consequence[] = [];
  const base = { basis: rule.basis, ruleId: rule.id };
  const { actions } = rule;
  if (actions.investigation) out.push({ kind: 'investigation', by: actions.investigation.by, ...base });
  if (actions.approval) out.push({ kind: 'needs_approval', by: actions.approval.by, ...base });
  if (actions.revoke) out.push({ kind: 'revoke', ...base });
  if (actions.recoverCertificateAndPlaque) out.push({ kind: 'recover_certificate_and_plaque', ...base });
  if (actions.clawback) out.push({ kind: 'clawback', ...base });
  if (actions.stopUsingTitle) out.push({ kind: 'stop_using_title', ...base });
  if (actions.ban) {
    const startYear = isoDate.yearOf(event.decisionDate ?? event.date);
    const ban = actions.ban;
    if (ban.unit === 'permanent') {
      out.push({ kind: 'ban', ban: { ...ban, count: null, startYear, allowedFromYear: null }, ...base });
    } else {
      const years = ban.unit === 'years' ? ban.count : ban.count * policy.cycle.years;
      out.push({ kind: 'ban', ban: { ...ban, startYear, allowedFromYear: startYear + years }, ...base });
    }
  }
  if (actions.creditRecord) out.push({ kind: 'credit_record', by: actions.creditRecord.system, ...base });
  if (actions.publish) out.push({ kind: 'publish', ...base });
  if (actions.summons) out.push({ kind: 'summons', by: actions.summons.by, ...base });
  if (actions.rectification) {
    const { by, within, failing } = actions.rectification;
    out.push({
      kind: 'rectification_order',
      by,
      ...(within ? { within } : {}),
      ...(failing ? { failing } : {}),
      ...base,
    });
  }
  return out;
}

/** A permanent ban is longer than any other; else the later first year allowed again. */
function longerBan(candidate: ConsequenceBan, existing: ConsequenceBan): boolean {
  if (existing.allowedFromYear === null) return false;
  return candidate.allowedFromYear === null || candidate.allowedFromYear > existing.allowedFromYear;
}

/** Joins two bases without repeating an article. */
function joinBasis(a: string, b: string): string {
  const parts = [...a.split('; '), ...b.split('; ')];
  return [...new Set(parts)].join('; ');
}

/**
 * The consequences of an event (false materials, fraud, an accident after the award, ...): every
 * rule of the policy naming the event applies when its conditions hold (a winner, the tier, the
 * window after the award, end day included, an accident at or above the grade the rule names). Consequences of several rules are merged by kind; of
 * two bans the longer is kept. `none` when no rule applies (outside the window, or none stated).
 */
export function evaluateConsequences(policy: Policy, event: ConsequenceEvent): ConsequenceResult {
  const rules: ConsequenceResult['rules'][number][] = [];
  const merged = new Map<ConsequenceKind, Consequence>();
  for (const rule of policy.consequences) {
    if (!names(rule, event.kind)) continue;
    const { applies, reason } = applicability(rule, event);
    rules.push({ ruleId: rule.id, basis: rule.basis, applies, reason });
    if (!applies) continue;
    for (const consequence of consequencesOf(policy, rule, event)) {
      const existing = merged.get(consequence.kind);
      if (!existing) {
        merged.set(consequence.kind, consequence);
      } else if (consequence.ban && existing.ban && longerBan(consequence.ban, existing.ban)) {
        merged.set(consequence.kind, consequence);
      } else if (!consequence.ban) {
        merged.set(consequence.kind, { ...existing, basis: joinBasis(existing.basis, consequence.basis) });
      }
    }
  }
  const consequences = [...merged.values()];
  const pending = untranscribedOf(policy, 'consequences');
  if (rules.length === 0 && pending) {
    return { outcome: 'none', consequences, rules, reason: notTranscribedReason(pending), untranscribed: true };
  }
  const reason: LocalizedText =
    rules.length === 0
      ? {
          zh: '办法未规定此情形的后果，由人工决定',
          en: 'the regulation states no consequence for this event; the office decides',
        }
      : consequences.length === 0
        ? { zh: '相关条款均不适用', en: 'no rule naming this event applies' }
        : { zh: '适用相关条款', en: 'rules apply' };
  return { outcome: consequences.length > 0 ? 'consequences' : 'none', consequences, rules, reason };
}
