import type { LocalizedText, Policy, Stage } from './policy.schema';

/** The policy stage kinds that are review stages with a panel (评审组). */
export const REVIEW_STAGE_KINDS = ['material_review', 'defense', 'onsite_review'] as const;
export type ReviewStageKind = (typeof REVIEW_STAGE_KINDS)[number];

/** An accepted application of the cycle, as the entry rule sees it. */
export interface EntryCandidate {
  readonly applicationId: string;
  readonly applicantKind: 'organisation' | 'individual';
  /**
   * Its outcome in the previous review stage: `went_on`, `stopped`, or null when it did not enter that stage (or there
   * is none).
   */
  readonly previous: 'went_on' | 'stopped' | null;
}

/**
 * `enters` / `skips` / `stays_out`: decided by the policy's rule, with its article; `office_decides`: the text says
 * nothing for this applicant, the office records whether it enters and why.
 */
export type EntryDecision = 'enters' | 'skips' | 'stays_out' | 'office_decides';

export interface EntryFinding {
  readonly applicationId: string;
  readonly decision: EntryDecision;
  /** `<policy> <article>`; null for `office_decides`. */
  readonly basis: string | null;
  readonly reason: LocalizedText;
}

/** The review stages of a policy, in the procedure's order. */
export function reviewStagesOf(policy: Policy): Stage[] {
  return policy.procedure.stages
    .filter((stage) => (REVIEW_STAGE_KINDS as readonly string[]).includes(stage.kind))
    .sort((a, b) => a.order - b.order);
}

/** The review stage before `stageKey` in the procedure, or null for the first. */
export function previousReviewStage(policy: Policy, stageKey: string): Stage | null {
  const stages = reviewStagesOf(policy);
  const at = stages.findIndex((stage) => stage.key === stageKey);
  return at > 0 ? (stages[at - 1] as Stage) : null;
}

const KIND = { organisation: { zh: '申报组织', en: 'organisation' }, individual: { zh: '申报个人', en: 'individual' } };

/**
 * Who enters a review stage, by the policy's `entry` rule for the applicant's kind (e.g. linxia 第十九条: individuals
 * skip the defense and enter on-site review from the candidate list). `went_on` needs the previous review stage's
 * recorded outcome; where the text says nothing (no `entry`, or null for the kind, or `went_on` on the first review
 * stage) the office decides and records why.
 */
export function evaluateStageEntry(
  policy: Policy,
  stageKey: string,
  candidates: readonly EntryCandidate[],
): EntryFinding[] {
  const stage = policy.procedure.stages.find((s) => s.key === stageKey);
  if (!stage) throw new RangeError(`no stage ${stageKey} in ${policy.key}`);
  const previous = previousReviewStage(policy, stageKey);
  const basis = stage.entry ? `${policy.key} ${stage.entry.basis}` : null;
  return candidates.map((candidate) => {
    const rule = stage.entry?.[candidate.applicantKind] ?? null;
    const kind = KIND[candidate.applicantKind];
    const silent: EntryFinding = {
      applicationId: candidate.applicationId,
      decision: 'office_decides',
      basis: null,
      reason: {
        zh: `办法未规定哪些${kind.zh}进入「${stage.name.zh}」，由办公室决定并记录理由`,
        en: `The text does not say which ${kind.en}s enter ${stage.name.en}: the office decides and records why`,
      },
    };
    if (rule === null) return silent;
    const decided = (decision: EntryDecision, reason: LocalizedText): EntryFinding => ({
      applicationId: candidate.applicationId,
      decision,
      basis,
      reason,
    });
    if (rule === 'skips') {
      return decided('skips', {
        zh: `${kind.zh}不参加「${stage.name.zh}」`,
        en: `An ${kind.en} does not take ${stage.name.en}`,
      });
    }
    if (rule === 'accepted') {
      return decided('enters', {
        zh: `经公示无异议列入受理名单的${kind.zh}进入「${stage.name.zh}」`,
        en: `An accepted ${kind.en} enters ${stage.name.en}`,
      });
    }
    if (!previous) return silent;
    if (candidate.previous === 'went_on') {
      return decided('enters', {
        zh: `通过「${previous.name.zh}」的${kind.zh}进入「${stage.name.zh}」`,
        en: `An ${kind.en} that went on from ${previous.name.en} enters ${stage.name.en}`,
      });
    }
    return decided('stays_out', {
      zh: `未通过「${previous.name.zh}」的${kind.zh}不进入「${stage.name.zh}」`,
      en: `An ${kind.en} that did not go on from ${previous.name.en} does not enter ${stage.name.en}`,
    });
  });
}
