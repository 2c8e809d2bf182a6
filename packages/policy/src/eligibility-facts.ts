import type { Accident } from './accident-threshold.util';
import type { ApplicantKind, IncidentKind, LegalForm, LocalizedText, OrganisationType } from './policy.schema';

/** A decision a person recorded on a rule the policy leaves to people (who, when, why). */
export interface RecordedDecision {
  readonly outcome: 'pass' | 'fail';
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly reason: string;
}

export interface ApplicantIncident extends Accident {
  readonly kind: IncidentKind;
  readonly date: string;
}

/**
 * What is known about an applicant. Every fact is optional: a fact a rule needs but that is absent
 * gives that rule the outcome `missing` (the application needs the data), not a guess.
 */
export interface ApplicantFacts {
  readonly kind: ApplicantKind;
  readonly legalForm?: LegalForm;
  readonly organisationType?: OrganisationType;
  readonly registeredInJurisdiction?: boolean;
  readonly yearsOperating?: number;
  /** Works in a 四新 field: new technology, new industry, new business form or new model. */
  readonly inFourNewField?: boolean;
  /** Years the quality management system has been in effective operation. */
  readonly qualitySystemYears?: number;
  /** Individuals: years in quality work. */
  readonly yearsInQualityWork?: number;
  /** Every accident, violation, complaint, ... on record (an empty list: none). */
  readonly incidents?: readonly ApplicantIncident[];
  /** An individual applicant's employer's incidents (所在组织), for rules on the employer's record; [] for none. */
  readonly employerIncidents?: readonly ApplicantIncident[];
  /** Financial years closed with a loss (an empty list: none). */
  readonly lossYears?: readonly number[];
  /** Consecutive years, up to now, of passing quality spot checks. */
  readonly spotChecksPassedConsecutiveYears?: number;
  /** Decisions people recorded, by rule id; used only where a rule needs a person's decision. */
  readonly decisions?: Readonly<Record<string, RecordedDecision>>;
}

/**
 * pass / fail: decided by the rule. needs_decision: the policy leaves it to a person (an attestation,
 * a waiver, an in-principle rule, an incident with no stated window). missing: a fact is absent.
 */
export type EligibilityOutcome = 'pass' | 'fail' | 'needs_decision' | 'missing';

export interface EligibilityFinding {
  /** The rule's id, or `applicant-kind`, `legal-form`, `organisation-type` for the admission checks. */
  readonly ruleId: string;
  readonly outcome: EligibilityOutcome;
  readonly basis: string;
  readonly reason: LocalizedText;
  readonly missingFacts?: readonly (keyof ApplicantFacts)[];
  /** Who may decide, when the outcome is needs_decision because of a waiver. */
  readonly decidedBy?: LocalizedText;
  /** The recorded decision that settled a needs_decision outcome. */
  readonly decision?: RecordedDecision;
}

export interface EligibilityResult {
  /** fail if any rule fails; else missing if any fact is missing; else needs_decision if any; else pass. */
  readonly outcome: EligibilityOutcome;
  readonly findings: readonly EligibilityFinding[];
}

export interface EligibilityOptions {
  /** The date the application is evaluated (look-back windows end here), YYYY-MM-DD. */
  readonly asOf: string;
}
