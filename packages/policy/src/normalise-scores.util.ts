/**
 * Normalisation of score sheet totals within one stage and scoring group (ADR: scores normalised by shrunk
 * z-scores). Each expert's leniency is its mean and spread; both are shrunk toward the pool (`shrinkage` pseudo-sheets
 * of the pool's mean and variance mixed into the expert's own), and each total is mapped onto the pool's scale:
 * `pool mean + pool sd × (total − expert's shrunk mean) / expert's shrunk sd`, kept within 0..max. An expert with fewer
 * than `minimumSheets` sheets keeps its raw totals (too few to estimate a leniency); so does everyone when the pool has
 * no spread. Raw totals are always returned next to the normalised ones.
 */
export interface SheetTotal {
  readonly sheetId: string;
  readonly expertId: string;
  readonly applicationId: string;
  readonly total: number;
}

export interface NormaliseOptions {
  readonly minimumSheets: number;
  readonly shrinkage: number;
  /** The scale's maximum (the rubric's points). */
  readonly max: number;
}

export type NormalisationMethod = 'normalised' | 'raw_too_few_sheets' | 'raw_no_spread';

export interface ExpertLeniency {
  readonly expertId: string;
  readonly sheets: number;
  readonly mean: number;
  readonly sd: number;
  readonly shrunkMean: number;
  readonly shrunkSd: number;
  readonly method: NormalisationMethod;
}

export interface NormalisedSheet extends SheetTotal {
  readonly normalised: number;
  readonly method: NormalisationMethod;
}

export interface Normalisation {
  readonly pool: { readonly sheets: number; readonly mean: number; readonly sd: number };
  readonly experts: readonly ExpertLeniency[];
  readonly sheets: readonly NormalisedSheet[];
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  if (values.length === 0) return { mean: 0, variance: 0 };
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, variance: squares / values.length };
}

export function normaliseScores(sheets: readonly SheetTotal[], options: NormaliseOptions): Normalisation {
  const pool = meanAndVariance(sheets.map((sheet) => sheet.total));
  const poolSd = Math.sqrt(pool.variance);
  const byExpert = new Map<string, number[]>();
  for (const sheet of sheets) {
    const totals = byExpert.get(sheet.expertId);
    if (totals) totals.push(sheet.total);
    else byExpert.set(sheet.expertId, [sheet.total]);
  }
  const experts = new Map<string, ExpertLeniency>();
  for (const [expertId, totals] of byExpert) {
    const own = meanAndVariance(totals);
    const n = totals.length;
    const k = options.shrinkage;
    const shrunkMean = (n * own.mean + k * pool.mean) / (n + k);
    const shrunkSd = Math.sqrt((n * own.variance + k * pool.variance) / (n + k));
    const method: NormalisationMethod =
      n < options.minimumSheets
        ? 'raw_too_few_sheets'
        : poolSd === 0 || shrunkSd === 0
          ? 'raw_no_spread'
          : 'normalised';
    experts.set(expertId, {
      expertId,
      sheets: n,
      mean: own.mean,
      sd: Math.sqrt(own.variance),
      shrunkMean,
      shrunkSd,
      method,
    });
  }
  const normalised = sheets.map((sheet): NormalisedSheet => {
    const expert = experts.get(sheet.expertId) as ExpertLeniency;
    if (expert.method !== 'normalised') return { ...sheet, normalised: sheet.total, method: expert.method };
    const value = pool.mean + (poolSd * (sheet.total - expert.shrunkMean)) / expert.shrunkSd;
    return { ...sheet, normalised: Math.min(options.max, Math.max(0, value)), method: 'normalised' };
  });
  return {
    pool: { sheets: sheets.length, mean: pool.mean, sd: poolSd },
    experts: [...experts.values()].sort((a, b) => a.expertId.localeCompare(b.expertId)),
    sheets: normalised,
  };
}
