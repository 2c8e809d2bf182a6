import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicantKind, Policy } from './policy.schema';
import { launchPoliciesDirectory } from './policy-loader.service';
import { type Rubric, rubricSchema } from './rubric.schema';
import { type ScoringPlan, type ScoringPlans, scoringPlansSchema } from './scoring-plan.schema';

let rubricCache: Rubric[] | null = null;
let planCache: ScoringPlans | null = null;

/** Every rubric in `policies/rubrics/`, validated (a bad file throws, naming the file and the problem). */
export function loadRubrics(): readonly Rubric[] {
  if (rubricCache) return rubricCache;
  const folder = join(launchPoliciesDirectory(), 'rubrics');
  rubricCache = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = rubricSchema.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
      if (!parsed.success) throw new Error(`rubrics/${file}: ${parsed.error.message}`);
      return parsed.data;
    });
  return rubricCache;
}

/** The rubric of this key and version, or undefined. */
export function rubricOf(key: string, version: number): Rubric | undefined {
  return loadRubrics().find((rubric) => rubric.key === key && rubric.version === version);
}

/** The newest rubric encoding a standard (by its code, e.g. "GB/T 19580"), or undefined when none is encoded. */
export function rubricForStandard(standard: string): Rubric | undefined {
  return loadRubrics()
    .filter((rubric) => rubric.standard === standard)
    .sort((a, b) => b.version - a.version)[0];
}

/** The scoring plans (`policies/scoring/scoring-plans.json`), validated. */
export function loadScoringPlans(): ScoringPlans {
  if (planCache) return planCache;
  const file = join(launchPoliciesDirectory(), 'scoring', 'scoring-plans.json');
  const parsed = scoringPlansSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`scoring/scoring-plans.json: ${parsed.error.message}`);
  planCache = parsed.data;
  return planCache;
}

/** A policy's scoring plan; a policy without one (a sixth jurisdiction) has no composite, no cut and no rubric. */
export function scoringPlanOf(policyKey: string): ScoringPlan {
  return loadScoringPlans().plans[policyKey] ?? { rubrics: [], composite: null, candidateList: null, cuts: [] };
}

/**
 * Which standard an applicant kind is scored by, with its article: the scoring plan's reading where the policy has one,
 * else the policy document's own `scoring.standards` under `scoring.basis` — so a jurisdiction onboarded by its
 * document alone scores by the standard it names. `standard` null: the text names a standard without a number (the
 * office records the rubric); undefined: the policy names none for the kind.
 */
export function rubricRuleFor(policy: Policy, kind: ApplicantKind): ScoringPlan['rubrics'][number] | undefined {
  const planned = scoringPlanOf(policy.key).rubrics.find((rule) => rule.appliesTo.includes(kind));
  if (planned) return planned;
  const named = policy.scoring.standards.find((standard) => standard.appliesTo.includes(kind));
  return named ? { appliesTo: named.appliesTo, standard: named.code, basis: policy.scoring.basis } : undefined;
}
