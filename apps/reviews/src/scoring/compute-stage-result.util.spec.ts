import { computeStageResult, type StageSheet } from './compute-stage-result.util';

const settings = { minimumSheetsForNormalisation: 5, shrinkage: 5, robustZ: 3.5, gapShare: 0.2 };
const sheet = (expertId: string, applicationId: string, total: number, applicantKind = 'organisation'): StageSheet => ({
  sheetId: `${expertId}-${applicationId}`,
  expertId,
  applicationId,
  applicantKind,
  max: 1000,
  step: 1,
  total,
});
const panel = [sheet('a', 'x', 700), sheet('b', 'x', 710), sheet('c', 'x', 690), sheet('d', 'x', 300)];

describe('computeStageResult', () => {
  it('flags the outlier and counts it as written until a consensus (open flag)', () => {
    const result = computeStageResult(panel, new Map(), settings);
    expect(result.openFlags).toBe(1);
    expect(result.sheets.find((row) => row.sheet.sheetId === 'd-x')).toMatchObject({ counted: 300 });
    expect(result.applications[0]?.raw).toBe(600);
  });

  it('adjusts or excludes by the recorded consensus, keeping the sheet in the table', () => {
    const adjusted = computeStageResult(panel, new Map([['d-x', { outcome: 'adjust', adjustedTotal: 700 }]]), settings);
    expect(adjusted.openFlags).toBe(0);
    expect(adjusted.applications[0]?.raw).toBe(700);
    const excluded = computeStageResult(
      panel,
      new Map([['d-x', { outcome: 'exclude', adjustedTotal: null }]]),
      settings,
    );
    const row = excluded.sheets.find((candidate) => candidate.sheet.sheetId === 'd-x');
    expect(row).toMatchObject({ counted: null, normalised: null });
    expect(row?.flag?.reasons).toEqual(['robust_z', 'gap']);
    expect(excluded.applications[0]).toMatchObject({ sheets: 3, raw: 700 });
  });

  it('normalises each applicant kind as its own group and ranks every application together', () => {
    const result = computeStageResult(
      [sheet('a', 'x', 700), sheet('a', 'y', 600, 'individual'), sheet('b', 'y', 650, 'individual')],
      new Map(),
      settings,
    );
    expect(result.groups.map((group) => [group.applicantKind, group.pool.sheets])).toEqual([
      ['individual', 2],
      ['organisation', 1],
    ]);
    // Too few sheets everywhere: raw scores, ranked.
    expect(result.ranking.map((row) => [row.applicationId, row.score])).toEqual([
      ['x', 700],
      ['y', 625],
    ]);
  });
});
