import type { LocalizedText, Policy } from './policy.schema';

/** What a candidate is, for background clearance: a public body (机关事业单位) or its staff, or an enterprise or its head. */
export type ClearanceCategory = 'public_body' | 'enterprise';

export interface ClearanceDepartmentRule {
  readonly key: string;
  readonly name: LocalizedText;
  readonly basis: string;
}

export interface ClearancePlan {
  /** The stage that asks (`procedure.stages[].key`) and its article. */
  readonly stage: string;
  readonly basis: string;
  /** The departments the text names for this candidate. */
  readonly departments: readonly ClearanceDepartmentRule[];
  /** The office may (or, with no department named, must) name other departments, recorded. */
  readonly othersByOffice: boolean;
}

/**
 * Whom the policy asks about a candidate in background clearance (征求意见): every department the text names for all
 * candidates and those for the candidate's category (xinzhou-city 第十八条: public security for all; discipline
 * inspection and personnel for public bodies; HR and social security, ecology and environment, emergency
 * management, market regulation and taxation for enterprises). null: the policy asks for no clearance.
 */
export function clearanceDepartments(policy: Policy, category: ClearanceCategory): ClearancePlan | null {
  const stage = policy.procedure.stages.find((s) => s.clearance);
  if (!stage?.clearance) return null;
  return {
    stage: stage.key,
    basis: stage.clearance.basis,
    departments: stage.clearance.departments
      .filter((d) => d.asked === 'all' || d.asked === category)
      .map((d) => ({ key: d.key, name: d.name, basis: d.basis })),
    othersByOffice: stage.clearance.othersByOffice,
  };
}
