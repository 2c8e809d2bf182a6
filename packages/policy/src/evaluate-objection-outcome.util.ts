import type { LocalizedText, ObjectionEffect, Policy } from './policy.schema';

/** An objection as decided: upheld (founded) or dismissed, or refused on examination (never admitted). */
export interface ObjectionDecision {
  readonly outcome: 'upheld' | 'dismissed' | 'refused';
  /** Founded on a condition that bars the applicant (a prohibited condition of eligibility). */
  readonly prohibitedGround: boolean;
}

/** `decided_by_people`: the regulation names no consequence; nothing is automated and the office decides. */
export type ObjectionOutcomeEffect = 'continue' | 'disqualify' | 'decided_by_people';

export interface ObjectionOutcome {
  readonly effect: ObjectionOutcomeEffect;
  /** The article that gives the effect, as `<policy> <article>`; null when the text names none. */
  readonly basis: string | null;
  readonly reason: LocalizedText;
}

const REASONS: Record<ObjectionEffect['when'], Record<ObjectionOutcomeEffect, LocalizedText>> = {
  unfounded: {
    continue: { zh: '异议不成立，申报者继续参评', en: 'The objection is unfounded: the applicant continues' },
    disqualify: { zh: '异议不成立', en: 'The objection is unfounded' },
    decided_by_people: { zh: '异议不成立', en: 'The objection is unfounded' },
  },
  founded: {
    continue: { zh: '异议成立，申报者继续参评', en: 'The objection is founded; the applicant continues' },
    disqualify: { zh: '异议成立，取消申报资格', en: 'The objection is founded: the applicant is disqualified' },
    decided_by_people: {
      zh: '异议成立，办法未规定其后果，由办公室决定',
      en: 'The objection is founded; the regulation names no consequence, so the office decides',
    },
  },
  founded_on_prohibited_ground: {
    continue: { zh: '异议成立，申报者继续参评', en: 'The objection is founded; the applicant continues' },
    disqualify: {
      zh: '异议成立且属禁止性条件，取消申报资格',
      en: 'The objection is founded on a prohibited condition: the applicant is disqualified',
    },
    decided_by_people: {
      zh: '异议成立且属禁止性条件，办法未规定其后果，由办公室决定',
      en: 'The objection is founded on a prohibited condition; the regulation names no consequence, so the office decides',
    },
  },
};

/**
 * What a decided objection does to the entry's subject, from the policy's `objections.result.effects` (ili 第二十一条:
 * unfounded → continues, founded on a prohibited condition → disqualified; linxia 第二十三条: unfounded → continues).
 * A founded objection whose consequence the text does not name is left to people; an unfounded one never has a
 * consequence, so the applicant continues even where the text does not say so. `null`: no rules are recorded for the
 * notice, so nothing is automated either.
 */
export function evaluateObjectionOutcome(
  policy: { key: string; objections: Pick<Policy['objections'], 'result'> } | null,
  decision: ObjectionDecision,
): ObjectionOutcome {
  const when: ObjectionEffect['when'] =
    decision.outcome !== 'upheld'
      ? 'unfounded'
      : decision.prohibitedGround
        ? 'founded_on_prohibited_ground'
        : 'founded';
  const rule = policy?.objections.result?.effects?.find((effect) => effect.when === when);
  if (!policy || !rule) {
    const effect = when === 'unfounded' ? 'continue' : 'decided_by_people';
    return { effect, basis: null, reason: REASONS[when][effect] };
  }
  return { effect: rule.effect, basis: `${policy.key} ${rule.basis}`, reason: REASONS[when][rule.effect] };
}
