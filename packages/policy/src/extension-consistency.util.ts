import { formatProblemPath, type PolicyProblem } from './policy-problem.schema';

/**
 * Cross-field rules of the later fields (quotas per kind, caps, employer conditions, rectification orders, untranscribed
 * parts, month-only dates). Tolerant of any shape, like the other consistency checks (the shape check reports the rest).
 */

type Rec = Readonly<Record<string, unknown>>;
const rec = (value: unknown): Rec | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Rec) : undefined;
const arr = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

export function checkExtensions(document: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (path: readonly PropertyKey[], reason: string) =>
    problems.push({ path: formatProblemPath(path), reason });
  const doc = rec(document) ?? {};
  const admitted = new Set(arr(rec(doc.applicants)?.kinds).map((entry) => rec(entry)?.kind));

  arr(doc.tiers).forEach((tier, index) => {
    const quota = rec(rec(tier)?.quota);
    const byKind = rec(quota?.byKind);
    for (const kind of ['organisation', 'individual']) {
      const own = rec(byKind?.[kind]);
      if (!own) continue;
      const path = ['tiers', index, 'quota', 'byKind', kind];
      if (!admitted.has(kind)) add(path, `a quota for ${kind}s, who may not apply: remove it`);
      if (typeof own.max === 'number' && typeof quota?.max === 'number' && own.max > quota.max)
        add([...path, 'max'], `${own.max} is above the tier's quota of ${quota.max} for all kinds together`);
    }
    const money = rec(rec(tier)?.money);
    const amountIs = rec(money?.amountIs);
    for (const kind of ['organisation', 'individual']) {
      if (amountIs?.[kind] === 'cap' && rec(money?.fen)?.[kind] === null)
        add(['tiers', index, 'money', 'amountIs', kind], 'a cap needs the amount in `fen` (integer fen), not null');
    }
  });

  arr(doc.eligibility).forEach((rule, index) => {
    const r = rec(rule);
    if (r?.subject !== 'employer') return;
    const kinds = arr(r.appliesTo);
    if (kinds.length !== 1 || kinds[0] !== 'individual')
      add(
        ['eligibility', index, 'appliesTo'],
        'a condition on the employer (所在组织) applies to individuals only: ["individual"]',
      );
  });

  const ruleIds = new Set(arr(doc.consequences).map((rule) => rec(rule)?.id));
  arr(doc.consequences).forEach((rule, index) => {
    const failing = rec(rec(rec(rule)?.actions)?.rectification)?.failing;
    if (typeof failing === 'string' && !ruleIds.has(failing))
      add(['consequences', index, 'actions', 'rectification', 'failing'], `no consequence rule "${failing}"`);
  });

  const seen = new Set<unknown>();
  arr(doc.untranscribed).forEach((entry, index) => {
    const section = rec(entry)?.section;
    if (seen.has(section)) add(['untranscribed', index, 'section'], `"${String(section)}" is listed twice`);
    seen.add(section);
  });

  const regulation = rec(doc.regulation);
  for (const field of ['inForce', 'expires']) {
    const date = rec(regulation?.[field]);
    if (date?.textGives === 'month' && !date.note)
      add(
        ['regulation', field, 'note'],
        'the text gives the month only: write the reading taken for the day (e.g. "自2025年3月起施行": read as 2025-03-01)',
      );
  }
  return problems;
}
