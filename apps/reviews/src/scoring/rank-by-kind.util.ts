import { type CutResult, type CutRule, evaluateCut, type RankedRow, rankApplications } from '@laurel/policy';

/** Organisations before individuals in every ranking and report. */
const KIND_ORDER = ['organisation', 'individual'];
const kindOrder = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

export interface KindScored {
  readonly applicationId: string;
  readonly applicantKind: string;
  readonly score: number;
}

export interface KindRankedRow extends RankedRow {
  readonly applicantKind: string;
}

/**
 * Rankings per applicant kind: organisations and individuals are scored by different rubrics (xinzhou-city 第十三条:
 * DB14/T 1463 and 1464) and compete for awards of their own kind (linxia, xinzhou-city), so each kind is ranked on
 * its own (rank 1 in each) and ties never cross kinds. A policy with one kind gets one ranking, as before.
 */
export function rankByKind(entries: readonly KindScored[]): KindRankedRow[] {
  const kinds = [...new Set(entries.map((entry) => entry.applicantKind))].sort(
    (a, b) => kindOrder(a) - kindOrder(b) || a.localeCompare(b),
  );
  return kinds.flatMap((applicantKind) =>
    rankApplications(entries.filter((entry) => entry.applicantKind === applicantKind)).map((row) => ({
      ...row,
      applicantKind,
    })),
  );
}

/**
 * A cut taken on each kind's ranking separately: the first `count` of each kind, or each kind's rows with at least
 * `minScore`. A count that splits a tie in any kind names it (the first found), as `evaluateCut` does.
 */
export function evaluateCutByKind(ranking: readonly KindRankedRow[], rule: CutRule): CutResult {
  const kinds = [...new Set(ranking.map((row) => row.applicantKind))];
  const goesOn: string[] = [];
  const stops: string[] = [];
  let splitTie: CutResult['splitTie'] = null;
  for (const kind of kinds) {
    const result = evaluateCut(
      ranking.filter((row) => row.applicantKind === kind),
      rule,
    );
    goesOn.push(...result.goesOn);
    stops.push(...result.stops);
    splitTie ??= result.splitTie;
  }
  return { goesOn, stops, splitTie };
}
