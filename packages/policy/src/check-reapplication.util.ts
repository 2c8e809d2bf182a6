import type { LocalizedText, Policy, TierKey, YearsOrCycles } from './policy.schema';

export interface PastAward {
  readonly tier: TierKey;
  /** The cycle (届) number the award was won in. */
  readonly cycle: number;
  readonly year: number;
}

export interface PastBan {
  /** The year the ban counts from (the year of the decision, or of the revocation). */
  readonly startYear: number;
  /** In years or cycles, or permanent (不再受理). */
  readonly length: YearsOrCycles | { readonly unit: 'permanent' };
  readonly basis: string;
  readonly reason?: LocalizedText;
}

export interface ApplicantHistory {
  readonly awards?: readonly PastAward[];
  readonly bans?: readonly PastBan[];
}

/** The cycle applied for: its number (届) and the year it runs. */
export interface TargetCycle {
  readonly number: number;
  readonly year: number;
}

export type ReapplicationOutcome = 'allowed' | 'refused' | 'needs_decision';

/** The first cycle (number and year) in which the applicant may apply again. */
export interface AllowedFrom {
  readonly cycle: number;
  readonly year: number;
}

export interface ReapplicationFinding {
  readonly source: 'award' | 'ban';
  readonly outcome: ReapplicationOutcome;
  readonly basis: string | null;
  readonly reason: LocalizedText;
  readonly allowedFrom?: AllowedFrom;
}

export interface ReapplicationResult {
  /** refused if any finding refuses; else needs_decision if any; else allowed. */
  readonly outcome: ReapplicationOutcome;
  readonly findings: readonly ReapplicationFinding[];
  /**
   * When refused: the first cycle the applicant may apply in (the latest over all findings); null when refused for
   * good (a permanent ban, 不再受理) or not refused.
   */
  readonly allowedFrom: AllowedFrom | null;
  /** True when a permanent ban refuses the applicant. */
  readonly permanent?: boolean;
}

/** The number of the first cycle held in or after `year`, assuming cycles every `cycleYears` years. */
function cycleFromYear(target: TargetCycle, year: number, cycleYears: number): AllowedFrom {
  if (year <= target.year) return { cycle: target.number, year: target.year };
  const steps = Math.ceil((year - target.year) / cycleYears);
  return { cycle: target.number + steps, year: target.year + steps * cycleYears };
}

function cycleFromNumber(target: TargetCycle, cycle: number, cycleYears: number): AllowedFrom {
  return { cycle, year: target.year + (cycle - target.number) * cycleYears };
}

function awardFinding(policy: Policy, award: PastAward, target: TargetCycle): ReapplicationFinding {
  const tier = policy.tiers.find((candidate) => candidate.key === award.tier);
  const what = `${award.year}年（第${award.cycle}届）${tier?.name.zh ?? award.tier}`;
  const whatEn = `${tier?.name.en ?? award.tier} of ${award.year} (cycle ${award.cycle})`;
  if (!tier) {
    return {
      source: 'award',
      outcome: 'needs_decision',
      basis: null,
      reason: {
        zh: `现行办法无此奖项：${what}，由人工认定`,
        en: `the policy has no such tier: ${whatEn}; a person decides`,
      },
    };
  }
  const rule = tier.reapplication;
  switch (rule.rule) {
    case 'unrestricted':
      return {
        source: 'award',
        outcome: 'allowed',
        basis: rule.basis,
        reason: { zh: `获得${what}，可再次申报`, en: `won the ${whatEn}; may apply again` },
      };
    case 'unspecified':
      return {
        source: 'award',
        outcome: 'needs_decision',
        basis: null,
        reason: {
          zh: `获得${what}；办法未规定再次申报的限制，由人工认定`,
          en: `won the ${whatEn}; the regulation sets no rule on applying again, so a person decides`,
        },
      };
    case 'wait': {
      const { unit, count } = rule.length;
      const allowedFrom =
        unit === 'cycles'
          ? cycleFromNumber(target, award.cycle + count + 1, policy.cycle.years)
          : cycleFromYear(target, award.year + count, policy.cycle.years);
      const refused = unit === 'cycles' ? target.number < allowedFrom.cycle : target.year < award.year + count;
      const span = unit === 'cycles' ? `获奖后${count}个评选周期内` : `获奖后${count}年内`;
      const spanEn = unit === 'cycles' ? `within ${count} cycles after winning` : `within ${count} years after winning`;
      if (refused && rule.inPrinciple) {
        return {
          source: 'award',
          outcome: 'needs_decision',
          basis: rule.basis,
          allowedFrom,
          reason: {
            zh: `获得${what}，原则上${span}不再申报；可否受理由人工决定并记录理由`,
            en: `won the ${whatEn}: in principle no application ${spanEn}; a person decides, with a recorded reason`,
          },
        };
      }
      return refused
        ? {
            source: 'award',
            outcome: 'refused',
            basis: rule.basis,
            allowedFrom,
            reason: {
              zh: `获得${what}，${span}不得重复申报，第${allowedFrom.cycle}届（${allowedFrom.year}年）起可申报`,
              en: `won the ${whatEn}: no application ${spanEn}; may apply from cycle ${allowedFrom.cycle} (${allowedFrom.year})`,
            },
          }
        : {
            source: 'award',
            outcome: 'allowed',
            basis: rule.basis,
            reason: { zh: `获得${what}，限制期已过`, en: `won the ${whatEn}; the waiting period is over` },
          };
    }
  }
}

function banFinding(policy: Policy, ban: PastBan, target: TargetCycle): ReapplicationFinding {
  const because = ban.reason ? { zh: `（${ban.reason.zh}）`, en: ` (${ban.reason.en})` } : { zh: '', en: '' };
  if (ban.length.unit === 'permanent') {
    return target.year < ban.startYear
      ? {
          source: 'ban',
          outcome: 'allowed',
          basis: ban.basis,
          reason: {
            zh: `自${ban.startYear}年起不再受理其申报${because.zh}，不涉及${target.year}年`,
            en: `no application accepted from ${ban.startYear} on${because.en}; does not cover ${target.year}`,
          },
        }
      : {
          source: 'ban',
          outcome: 'refused',
          basis: ban.basis,
          reason: {
            zh: `自${ban.startYear}年起不再受理其申报${because.zh}`,
            en: `no application is accepted again, from ${ban.startYear} on${because.en}`,
          },
        };
  }
  const years = ban.length.unit === 'years' ? ban.length.count : ban.length.count * policy.cycle.years;
  const endYear = ban.startYear + years;
  const span =
    ban.length.unit === 'years'
      ? `${ban.length.count}年`
      : `${ban.length.count}个评选周期（每届${policy.cycle.years}年）`;
  const spanEn =
    ban.length.unit === 'years'
      ? `${ban.length.count} years`
      : `${ban.length.count} cycles of ${policy.cycle.years} years`;
  if (target.year >= endYear || target.year < ban.startYear) {
    return {
      source: 'ban',
      outcome: 'allowed',
      basis: ban.basis,
      reason: {
        zh: `自${ban.startYear}年起${span}不得申报${because.zh}，不涉及${target.year}年`,
        en: `banned for ${spanEn} from ${ban.startYear}${because.en}; does not cover ${target.year}`,
      },
    };
  }
  const allowedFrom = cycleFromYear(target, endYear, policy.cycle.years);
  return {
    source: 'ban',
    outcome: 'refused',
    basis: ban.basis,
    allowedFrom,
    reason: {
      zh: `自${ban.startYear}年起${span}内不得申报${because.zh}，第${allowedFrom.cycle}届（${allowedFrom.year}年）起可申报`,
      en: `banned for ${spanEn} from ${ban.startYear}${because.en}; may apply from cycle ${allowedFrom.cycle} (${allowedFrom.year})`,
    },
  };
}

/**
 * May an applicant with this history apply in the target cycle? Checks the policy's waiting period
 * after each earlier award (years counted from the award year: N years after year Y allows Y+N;
 * cycles counted by cycle number: N cycles after cycle C allows C+N+1) and every ban (years, or cycles
 * converted with the policy's cycle length, from the ban's start year). Cycle numbers for a date are
 * derived from the target cycle, assuming cycles every `cycle.years` years.
 */
export function checkReapplication(
  policy: Policy,
  history: ApplicantHistory,
  target: TargetCycle,
): ReapplicationResult {
  const findings: ReapplicationFinding[] = [];
  for (const award of history.awards ?? []) {
    if (award.cycle >= target.number) continue;
    findings.push(awardFinding(policy, award, target));
  }
  for (const ban of history.bans ?? []) findings.push(banFinding(policy, ban, target));

  const refused = findings.filter((finding) => finding.outcome === 'refused');
  if (refused.length > 0) {
    if (refused.some((finding) => finding.source === 'ban' && finding.allowedFrom === undefined)) {
      return { outcome: 'refused', findings, allowedFrom: null, permanent: true };
    }
    const allowedFrom = refused
      .map((finding) => finding.allowedFrom)
      .filter((value): value is AllowedFrom => value !== undefined)
      .reduce<AllowedFrom | null>(
        (latest, value) => (latest === null || value.cycle > latest.cycle ? value : latest),
        null,
      );
    return { outcome: 'refused', findings, allowedFrom };
  }
  const outcome = findings.some((finding) => finding.outcome === 'needs_decision') ? 'needs_decision' : 'allowed';
  return { outcome, findings, allowedFrom: null };
}
