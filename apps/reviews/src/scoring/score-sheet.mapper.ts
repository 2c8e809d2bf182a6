import type { ScoreSheetStatus, ScoreSheetView } from '@laurel/contracts';
import type { ScoreSheetRow } from './score-sheet.repository';

type ItemValue = { score: number; strengths: string | null; improvements: string | null };

/** A revision's changes as stored (typed once here). */
export type RevisionChanges = { itemKey: string; old: ItemValue | null; new: ItemValue }[];

export function toScoreSheetView(
  row: ScoreSheetRow,
  names: { applicantName: string; expertName: string },
): ScoreSheetView {
  return {
    id: row.id,
    cycleNumber: row.cycleNumber,
    stageKey: row.stageKey,
    applicationId: row.applicationId,
    applicantName: names.applicantName,
    applicantKind: row.applicantKind as 'organisation' | 'individual',
    expertId: row.expertId,
    expertName: names.expertName,
    rubric: { key: row.rubricKey, version: row.rubricVersion },
    status: row.status as ScoreSheetStatus,
    total: row.total,
    items: row.items.map((item) => ({
      itemKey: item.itemKey,
      score: item.score,
      strengths: item.strengths,
      improvements: item.improvements,
    })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    revisions: row.revisions.map((revision) => ({
      reason: revision.reason,
      actor: revision.actor,
      at: revision.at.toISOString(),
      from: revision.fromStatus,
      to: revision.toStatus,
      oldTotal: revision.oldTotal,
      newTotal: revision.newTotal,
      changes: revision.changes as RevisionChanges,
    })),
  };
}
