import {
  type ExpertLeniency,
  flagOutliers,
  type NormalisationMethod,
  normaliseScores,
  type OutlierFlag,
} from '@laurel/policy';
import { type KindRankedRow, rankByKind } from './rank-by-kind.util';

/** A counted sheet of a stage (submitted or revised), with its rubric's scale. */
export interface StageSheet {
  readonly sheetId: string;
  readonly expertId: string;
  readonly applicationId: string;
  /** The scoring group: applicants of one kind are scored by one rubric. */
  readonly applicantKind: string;
  readonly max: number;
  readonly step: number;
  readonly total: number;
}

export interface RecordedConsensus {
  readonly outcome: 'keep' | 'adjust' | 'exclude';
  readonly adjustedTotal: number | null;
}

export interface StageSettings {
  readonly minimumSheetsForNormalisation: number;
  readonly shrinkage: number;
  readonly robustZ: number;
  readonly gapShare: number;
}

export interface ComputedSheet {
  readonly sheet: StageSheet;
  readonly counted: number | null;
  readonly normalised: number | null;
  readonly method: NormalisationMethod | null;
  readonly flag: OutlierFlag | null;
}

export interface ComputedStage {
  readonly groups: {
    applicantKind: string;
    max: number;
    pool: { sheets: number; mean: number; sd: number };
    experts: ExpertLeniency[];
  }[];
  readonly sheets: ComputedSheet[];
  readonly applications: {
    applicationId: string;
    applicantKind: string;
    sheets: number;
    raw: number | null;
    normalised: number | null;
  }[];
  readonly openFlags: number;
  readonly ranking: KindRankedRow[];
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * A stage's results from its counted sheets and the consensus recorded so far, per scoring group (applicant kind):
 * outliers are flagged on the raw totals (what the panel wrote); a consensus keeps a total, adjusts it to the agreed
 * value, or excludes it (with the reason stored next to it; nothing is dropped silently); normalisation runs on the
 * totals so settled; an application's score is the mean of its sheets' normalised totals; the ranking is over every
 * application with a score, ties explicit. Pure (the bench runs it on 1,000 applications × 7 experts).
 */
export function computeStageResult(
  sheets: readonly StageSheet[],
  consensus: ReadonlyMap<string, RecordedConsensus>,
  settings: StageSettings,
): ComputedStage {
  const byGroup = new Map<string, StageSheet[]>();
  for (const sheet of sheets) {
    const group = byGroup.get(sheet.applicantKind);
    if (group) group.push(sheet);
    else byGroup.set(sheet.applicantKind, [sheet]);
  }
  const groups: ComputedStage['groups'] = [];
  const computed: ComputedSheet[] = [];
  let openFlags = 0;
  for (const [applicantKind, members] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    const max = Math.max(...members.map((sheet) => sheet.max));
    const step = Math.min(...members.map((sheet) => sheet.step));
    const flags = new Map(
      flagOutliers(members, { robustZ: settings.robustZ, gapShare: settings.gapShare, max, step }).map((flag) => [
        flag.sheetId,
        flag,
      ]),
    );
    const counted = members.map((sheet) => {
      const decided = consensus.get(sheet.sheetId);
      if (flags.has(sheet.sheetId) && !decided) openFlags += 1;
      if (decided?.outcome === 'exclude') return { sheet, total: null };
      if (decided?.outcome === 'adjust') return { sheet, total: decided.adjustedTotal };
      return { sheet, total: sheet.total };
    });
    const normalisation = normaliseScores(
      counted.flatMap(({ sheet, total }) => (total === null ? [] : [{ ...sheet, total }])),
      { minimumSheets: settings.minimumSheetsForNormalisation, shrinkage: settings.shrinkage, max },
    );
    const normalisedById = new Map(normalisation.sheets.map((sheet) => [sheet.sheetId, sheet]));
    for (const { sheet, total } of counted) {
      const normalised = normalisedById.get(sheet.sheetId);
      computed.push({
        sheet,
        counted: total,
        normalised: normalised?.normalised ?? null,
        method: normalised?.method ?? null,
        flag: flags.get(sheet.sheetId) ?? null,
      });
    }
    groups.push({ applicantKind, max, pool: normalisation.pool, experts: [...normalisation.experts] });
  }
  const perApplication = new Map<string, ComputedSheet[]>();
  for (const row of computed) {
    const list = perApplication.get(row.sheet.applicationId);
    if (list) list.push(row);
    else perApplication.set(row.sheet.applicationId, [row]);
  }
  const applications = [...perApplication].map(([applicationId, rows]) => ({
    applicationId,
    applicantKind: rows[0]?.sheet.applicantKind as string,
    sheets: rows.filter((row) => row.counted !== null).length,
    raw: mean(rows.flatMap((row) => (row.counted === null ? [] : [row.counted]))),
    normalised: mean(rows.flatMap((row) => (row.normalised === null ? [] : [row.normalised]))),
  }));
  const ranking = rankByKind(
    applications.flatMap((row) =>
      row.normalised === null
        ? []
        : [{ applicationId: row.applicationId, applicantKind: row.applicantKind, score: row.normalised }],
    ),
  );
  return { groups, sheets: computed, applications, openFlags, ranking };
}
