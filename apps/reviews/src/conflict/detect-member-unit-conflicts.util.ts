import { type ConflictFinding, conflictBasisOf } from '@laurel/policy';

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toUpperCase() === b.toUpperCase();

/**
 * The interests a member unit of the leading group has in an applicant, from the credit codes the office recorded
 * for it (ADR 0030): the applicant is the unit itself (`applicant_is_employer`), or one of the units under it
 * (`same_group`, 下属单位). Findings only: each becomes a flag the office decides (recuse, or dismiss with a reason),
 * as an expert's do. Pure.
 */
export function detectMemberUnitConflicts(
  unit: { creditCode: string | null; subordinateCreditCodes: readonly string[] },
  applicant: { creditCode: string | null },
  policyKey: string,
): ConflictFinding[] {
  const code = applicant.creditCode;
  if (!code) return [];
  const basis = conflictBasisOf(policyKey);
  if (same(unit.creditCode, code)) return [{ kind: 'applicant_is_employer', evidence: code.toUpperCase(), basis }];
  const under = unit.subordinateCreditCodes.find((subordinate) => same(subordinate, code));
  return under ? [{ kind: 'same_group', evidence: under.toUpperCase(), basis }] : [];
}
