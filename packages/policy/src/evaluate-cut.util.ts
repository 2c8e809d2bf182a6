import type { RankedRow } from './rank-applications.util';

/**
 * The cut after a stage where the score decides who goes on (inner-mongolia 第十四条（一）): the office's recorded
 * size (the first `count` of the ranking) or least score. A count that would split a tie is not decided here: the
 * result names the tie (`splitTie`) so the office chooses another size or a least score; no tie is broken by chance.
 */
export type CutRule = { readonly count: number } | { readonly minScore: number };

export interface CutResult {
  readonly goesOn: readonly string[];
  readonly stops: readonly string[];
  readonly splitTie: { readonly rank: number; readonly applicationIds: readonly string[] } | null;
}

export function evaluateCut(ranking: readonly RankedRow[], rule: CutRule): CutResult {
  const passes = (row: RankedRow, index: number) =>
    'count' in rule ? index < rule.count : Math.round(row.score * 100) >= Math.round(rule.minScore * 100);
  const goesOn: string[] = [];
  const stops: string[] = [];
  ranking.forEach((row, index) => {
    (passes(row, index) ? goesOn : stops).push(row.applicationId);
  });
  let splitTie: CutResult['splitTie'] = null;
  for (const row of ranking) {
    const group = [row.applicationId, ...row.tiedWith];
    const inside = group.filter((id) => goesOn.includes(id)).length;
    if (inside > 0 && inside < group.length) {
      splitTie = { rank: row.rank, applicationIds: [...group].sort() };
      break;
    }
  }
  return { goesOn, stops, splitTie };
}
