import type { ReviewStageView } from '@laurel/contracts';
import { type EntryFinding, type Policy, type Stage, scoringPlanOf } from '@laurel/policy';
import type { ReviewApplicationRow } from '../application/review-application.repository';
import type { ReviewStageRow } from './review-stage.repository';

export interface StageProgress {
  fullyAssigned: number;
  assignments: number;
  panelSize: number | null;
  panelMembers: number;
}

const RULE_WORDS = {
  accepted: { zh: '受理名单中的全部', en: 'every accepted' },
  went_on: { zh: '上一评审环节通过的', en: 'those that went on from the previous review stage' },
  skips: { zh: '不参加本环节', en: 'skip this stage' },
} as const;

/** The policy's entry rule in words, or null where the text is silent. */
export function describeEntry(policy: Policy, stage: Stage): ReviewStageView['entryRule'] {
  const entry = stage.entry;
  if (!entry) return null;
  const part = (kind: 'organisation' | 'individual', zh: string, en: string) => {
    const rule = entry[kind];
    if (rule === null) return { zh: `${zh}：办法未规定，由办公室决定`, en: `${en}: not said, the office decides` };
    return { zh: `${zh}：${RULE_WORDS[rule].zh}`, en: `${en}: ${RULE_WORDS[rule].en}` };
  };
  const org = part('organisation', '申报组织', 'organisations');
  const person = part('individual', '申报个人', 'individuals');
  return {
    zh: `${org.zh}；${person.zh}（${policy.key} ${entry.basis}）`,
    en: `${org.en}; ${person.en} (${policy.key} ${entry.basis})`,
  };
}

/** A review stage as the office reads it: the policy's stage, its instance (if opened), the rule's findings, progress. */
export function toReviewStageView(input: {
  cycleNumber: number;
  policyVersion: number;
  policy: Policy;
  stage: Stage;
  row: ReviewStageRow | null;
  findings: readonly EntryFinding[];
  applications: ReadonlyMap<string, ReviewApplicationRow>;
  progress: StageProgress;
}): ReviewStageView {
  const { row, stage, policy } = input;
  return {
    id: row?.id ?? null,
    cycleNumber: input.cycleNumber,
    policyVersion: row?.policyVersion ?? input.policyVersion,
    stageKey: stage.key,
    kind: stage.kind as ReviewStageView['kind'],
    order: stage.order,
    name: stage.name,
    basis: `${policy.key} ${stage.basis}`,
    status: (row?.status ?? 'planned') as ReviewStageView['status'],
    entryRule: describeEntry(policy, stage),
    closesByCut: closingCutOf(policy, stage.key),
    openedBy: row?.openedBy ?? null,
    openedAt: row?.openedAt.toISOString() ?? null,
    closedBy: row?.closedBy ?? null,
    closedAt: row?.closedAt?.toISOString() ?? null,
    entrants: (row?.entrants ?? []).map((e) => ({
      applicationId: e.applicationId,
      applicantName: e.application.applicantName,
      applicantKind: e.application.applicantKind as 'organisation' | 'individual',
      source: e.source as 'policy' | 'office',
      basis: e.basis,
      reason: e.reason,
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt.toISOString(),
      outcome: e.outcome as 'went_on' | 'stopped' | null,
      outcomeReason: e.outcomeReason,
    })),
    entryFindings: input.findings.map((f) => {
      const application = input.applications.get(f.applicationId) as ReviewApplicationRow;
      return {
        applicationId: f.applicationId,
        applicantName: application.applicantName,
        applicantKind: application.applicantKind as 'organisation' | 'individual',
        decision: f.decision,
        basis: f.basis,
        reason: f.reason,
      };
    }),
    progress: { entrants: row?.entrants.length ?? 0, ...input.progress },
    history: (row?.history ?? []).map((h) => ({
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      actor: h.actor,
      at: h.at.toISOString(),
    })),
  };
}

/** The article of the cut after the stage, if the scoring plan has one (the stage closes with the cut's list). */
export function closingCutOf(policy: Policy, stageKey: string): string | null {
  const rule = scoringPlanOf(policy.key).cuts.find((cut) => cut.after === stageKey);
  return rule ? `${policy.key} ${rule.basis}` : null;
}
