import { REVIEW_STAGE_KINDS } from './evaluate-stage-entry.util';
import { formatProblemPath, type PolicyProblem } from './policy-problem.schema';

/**
 * The rules between a procedure's stages and their `entry` (who enters a review stage): only review stages have one,
 * and the first review stage has no previous one to go on from (`went_on`). Tolerant of any shape, like the other
 * consistency checks (the shape check reports the rest).
 */
export function checkStageEntries(procedure: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const record = typeof procedure === 'object' && procedure !== null ? (procedure as Record<string, unknown>) : {};
  const stages = Array.isArray(record.stages) ? (record.stages as unknown[]) : [];
  let reviewSeen = false;
  stages.forEach((stage, index) => {
    const s = typeof stage === 'object' && stage !== null ? (stage as Record<string, unknown>) : {};
    const review = (REVIEW_STAGE_KINDS as readonly unknown[]).includes(s.kind);
    const entry = typeof s.entry === 'object' && s.entry !== null ? (s.entry as Record<string, unknown>) : undefined;
    if (entry && !review) {
      problems.push({
        path: formatProblemPath(['procedure', 'stages', index, 'entry']),
        reason: `only review stages (${REVIEW_STAGE_KINDS.join(', ')}) say who enters`,
      });
    }
    if (entry && review && !reviewSeen) {
      for (const kind of ['organisation', 'individual']) {
        if (entry[kind] === 'went_on') {
          problems.push({
            path: formatProblemPath(['procedure', 'stages', index, 'entry', kind]),
            reason: 'the first review stage has no previous review stage to go on from',
          });
        }
      }
    }
    if (review) reviewSeen = true;
  });
  return problems;
}
