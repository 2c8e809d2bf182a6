import { formatFen } from './format-fen.util';
import type { LocalizedText, Policy } from './policy.schema';

/** A purpose a use report may name: the regulation's own, or `other` where the text only says "主要用于". */
export interface UsePurpose {
  readonly key: string;
  readonly name: LocalizedText;
}

/**
 * What the policy says about the use of award money (inner-mongolia 第十九条, xinzhou-city 第二十二条):
 * - `purposes`: the purposes the article lists, each with the key a use report names;
 * - `restricted`: 不得挪作他用 — a use outside them is refused; where the text says only 主要用于…等 (mainly for), a
 *   use it does not list may be reported as `other` with its description, and finance judges it when it accepts or
 *   queries the report (the text leaves it to people);
 * - `performanceEvaluation`: the grant's performance evaluation (绩效评价) the winner must cooperate with.
 * Null where the text is silent on the use of the money (ili, linxia, xinzhou-district): no use report is owed.
 */
export interface UseRules {
  readonly purposes: readonly UsePurpose[];
  readonly restricted: boolean;
  readonly otherAllowed: boolean;
  readonly performanceEvaluation: boolean;
  readonly basis: string;
}

/** The key a use report names for a use the regulation does not list (only where it is not restricted). */
export const OTHER_USE = 'other';
const OTHER_NAME: LocalizedText = { zh: '其他质量相关用途', en: 'Other quality-related use' };

export function useRulesOf(policy: Policy): UseRules | null {
  const use = policy.funding.use;
  if (!use) return null;
  return {
    purposes: use.purposes.map((purpose) => ({
      key: purpose.key ?? purpose.zh,
      name: { zh: purpose.zh, en: purpose.en },
    })),
    restricted: use.restricted,
    otherAllowed: !use.restricted,
    performanceEvaluation: use.performanceEvaluation,
    basis: use.basis,
  };
}

/** The name of a purpose key under these rules (`other` included where allowed), or null when unknown. */
export function purposeName(rules: UseRules, key: string): LocalizedText | null {
  if (key === OTHER_USE && rules.otherAllowed) return OTHER_NAME;
  return rules.purposes.find((purpose) => purpose.key === key)?.name ?? null;
}

export interface UseReportLine {
  readonly purpose: string;
  readonly amountFen: number;
  readonly description: string;
}

export interface UseReportProblem {
  /** The line's index, or null for the report as a whole. */
  readonly line: number | null;
  readonly field: 'purpose' | 'amountFen' | 'description' | 'lines';
  readonly reason: LocalizedText;
  readonly basis: string | null;
}

export type UseReportOutcome =
  | { readonly ok: true; readonly totalFen: number; readonly basis: string }
  | { readonly ok: false; readonly problems: readonly UseReportProblem[] };

/**
 * Judges a use report against the policy: every line names a purpose the article lists (`other` only where it is not
 * restricted, and then with a description), with a positive integer amount in fen; the lines add up to no more than
 * what was paid. A policy silent on the use of money owes no report: refused as such, citing nothing.
 */
export function evaluateUseReport(policy: Policy, input: UseReportInput): UseReportOutcome {
  return judgeUseReport(useRulesOf(policy), input);
}

export interface UseReportInput {
  /** What the treasury confirmed paid of the entitlement, in fen. */
  readonly paidFen: number;
  readonly lines: readonly UseReportLine[];
}

/** `evaluateUseReport` on the rules already read from the policy (`useRulesOf`). */
export function judgeUseReport(rules: UseRules | null, input: UseReportInput): UseReportOutcome {
  if (!rules) {
    return {
      ok: false,
      problems: [
        {
          line: null,
          field: 'lines',
          reason: {
            zh: '本办法未规定奖励资金的使用范围，无须报告资金使用情况',
            en: 'The regulation states no restricted use of the award money: no use report is owed',
          },
          basis: null,
        },
      ],
    };
  }
  const problems: UseReportProblem[] = [];
  if (input.lines.length === 0) {
    problems.push({
      line: null,
      field: 'lines',
      reason: { zh: '至少填写一项资金用途', en: 'Report at least one use' },
      basis: rules.basis,
    });
  }
  const listed = rules.purposes.map((purpose) => purpose.name.zh).join('、');
  let total = 0;
  input.lines.forEach((line, index) => {
    if (!purposeName(rules, line.purpose)) {
      problems.push({
        line: index,
        field: 'purpose',
        reason: rules.restricted
          ? {
              zh: `资金限定用于${listed}，不得挪作他用（${rules.basis}）`,
              en: `The money is restricted to the purposes ${rules.basis} lists; "${line.purpose}" is not one of them`,
            }
          : {
              zh: `用途不在${rules.basis}所列范围（${listed}）；其他用途请选“其他”并说明`,
              en: `"${line.purpose}" is not a purpose ${rules.basis} lists; report another use as "other" with a description`,
            },
        basis: rules.basis,
      });
    }
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen <= 0) {
      problems.push({
        line: index,
        field: 'amountFen',
        reason: { zh: '金额须为正整数（分）', en: 'The amount must be a positive whole number of fen' },
        basis: null,
      });
    } else {
      total += line.amountFen;
    }
    if (line.description.trim().length === 0) {
      problems.push({
        line: index,
        field: 'description',
        reason: { zh: '请说明资金的具体用途', en: 'Describe what the money was spent on' },
        basis: null,
      });
    }
  });
  if (total > input.paidFen) {
    problems.push({
      line: null,
      field: 'lines',
      reason: {
        zh: `报告使用 ${formatFen(total)} 元，超过已拨付的 ${formatFen(input.paidFen)} 元`,
        en: `CNY ${formatFen(total)} reported exceeds the CNY ${formatFen(input.paidFen)} paid`,
      },
      basis: rules.basis,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, totalFen: total, basis: rules.basis };
}
