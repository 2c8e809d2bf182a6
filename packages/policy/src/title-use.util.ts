import type { Policy } from './policy.schema';

const FORBIDDEN_ZH = {
  on_products_or_services: '不得用于产品、服务的标识',
  in_product_promotion: '不得用于产品、服务的质量宣传',
  on_packaging: '不得用于产品包装',
  selling_or_renting: '不得出售、出租证书、奖牌',
  other_profit: '不得用于其他营利性活动',
} as const;

export interface TitleUseRules {
  /** The rules as printed on a certificate, in Chinese, one per line. */
  readonly lines: readonly string[];
  /** The article they come from, or null when the regulation states no rules for the title's use. */
  readonly basis: string | null;
}

/**
 * The rules for using a title (ili 第二十七条: state the award year; never for products' or services' marks or
 * quality promotion; not sold or rented), in the words a certificate prints, from the policy's `titleUse`.
 */
export function titleUseRules(policy: Policy, awardYear: number): TitleUseRules {
  const use = policy.obligations.titleUse;
  if (!use) return { lines: [], basis: null };
  const lines: string[] = [];
  if (use.mustStateYear) lines.push(`使用称号进行宣传时，须注明获奖年份（${awardYear}年度）`);
  for (const kind of use.forbidden) lines.push(FORBIDDEN_ZH[kind]);
  return { lines, basis: use.basis };
}
