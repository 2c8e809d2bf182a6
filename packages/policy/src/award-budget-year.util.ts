import type { Policy } from './policy.schema';

export interface AwardBudgetYear {
  readonly budgetYear: number;
  /** The article naming the budget that pays the award money; null when the policy names none. */
  readonly basis: string | null;
}

/**
 * The budget year that pays a decision's award money: the year after the decision where the policy says so
 * (inner-mongolia 第四条, 获奖下一年度), otherwise the decision's own year (当年 / 年度预算 / 现有经费).
 * `decidedOn` is the decision's date in Asia/Shanghai, `YYYY-MM-DD`.
 */
export function awardBudgetYear(policy: Policy, decidedOn: string): AwardBudgetYear {
  const year = Number(decidedOn.slice(0, 4));
  if (!Number.isInteger(year)) throw new RangeError(`not a date: ${decidedOn}`);
  const budget = policy.funding.budget.find((entry) => entry.purposes.includes('award_money'));
  if (!budget) return { budgetYear: year, basis: null };
  return { budgetYear: budget.year === 'year_after_award' ? year + 1 : year, basis: budget.basis };
}
