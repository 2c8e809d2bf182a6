import { DomainError } from '@laurel/contracts';
import { noticePeriodOf, type Policy } from '@laurel/policy';

export interface CycleWarning {
  code: 'cycle_later_than_policy' | 'regulation_expires_during_window';
  detail: { zh: string; en: string };
  basis: string | null;
}

export interface StagePlan {
  key: string;
  kind: string;
  order: number;
  name: { zh: string; en: string };
  actor: { zh: string; en: string } | null;
  scored: boolean;
  basis: string;
  notices: {
    scope: 'internal' | 'public';
    form: 'notice' | 'consultation';
    count: number | null;
    unit: 'working_days' | 'calendar_days' | null;
    minimum: boolean | null;
    basis: string;
  }[];
}

/** The cycle's schedule: the policy's procedure stages in order, each with its notices and their periods. */
export function deriveSchedule(policy: Policy): StagePlan[] {
  return [...policy.procedure.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => ({
      key: stage.key,
      kind: stage.kind,
      order: stage.order,
      name: stage.name,
      actor: stage.actor,
      scored: stage.scored,
      basis: stage.basis,
      notices: policy.procedure.notices.filter((notice) => notice.stage === stage.key).map(noticePeriodOf),
    }));
}

/**
 * The cycle length rule (e.g. "每两年评选一次"): a cycle may not come sooner than `cycle.years` after the
 * previous one — refused (422, with the article). A later one is allowed, since rounds do slip and the text
 * does not forbid it, but the office is told and the warning is kept on the cycle and in its audit entry.
 */
export function checkCycleYear(
  policy: Policy,
  previous: { number: number; year: number } | null,
  year: number,
): CycleWarning[] {
  if (!previous) return [];
  const { years, basis } = policy.cycle;
  const expected = previous.year + years;
  if (year < expected) {
    throw new DomainError({
      code: 'rule_violation',
      detail: {
        zh: `本办法规定每${years}年评选一次：上一届（第${previous.number}届）为 ${previous.year} 年，本届最早为 ${expected} 年`,
        en: `The regulation holds a cycle every ${years} year(s): the previous one (no. ${previous.number}) was in ${previous.year}, so this one cannot be before ${expected}`,
      },
      basis,
      fields: [
        {
          field: 'body.year',
          reason: { zh: `最早为 ${expected} 年`, en: `must be ${expected} or later` },
        },
      ],
      extensions: { earliestYear: expected },
    });
  }
  if (year === expected) return [];
  return [
    {
      code: 'cycle_later_than_policy',
      detail: {
        zh: `本办法规定每${years}年评选一次：上一届（第${previous.number}届）为 ${previous.year} 年，本届应为 ${expected} 年，实为 ${year} 年`,
        en: `The regulation holds a cycle every ${years} year(s): after ${previous.year} (no. ${previous.number}) this one was due in ${expected}, it is in ${year}`,
      },
      basis,
    },
  ];
}

/** A window closing after the regulation's last day in force is allowed, with a warning. */
export function windowWarnings(policy: Policy, closesOn: string): CycleWarning[] {
  const { expires, title } = policy.regulation;
  if (!expires || closesOn <= expires.date) return [];
  return [
    {
      code: 'regulation_expires_during_window',
      detail: {
        zh: `申报截止日 ${closesOn} 晚于《${title.zh}》的最后有效日 ${expires.date}`,
        en: `The window closes on ${closesOn}, after the regulation's last day in force (${expires.date})`,
      },
      basis: expires.basis,
    },
  ];
}
