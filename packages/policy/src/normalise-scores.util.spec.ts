import { normaliseScores, type SheetTotal } from './normalise-scores.util';

const sheets = (expertId: string, totals: number[], from = 1): SheetTotal[] =>
  totals.map((total, i) => ({ sheetId: `${expertId}-${i + from}`, expertId, applicationId: `app-${i + from}`, total }));

describe('normaliseScores', () => {
  // A is 100 points more lenient than B on the same five applications, with the same spread.
  const lenient = sheets('A', [600, 650, 700, 750, 800]);
  const strict = sheets('B', [500, 550, 600, 650, 700]);

  it('without shrinkage maps both experts onto the pool: the same application gets the same score (known answer)', () => {
    const result = normaliseScores([...lenient, ...strict], { minimumSheets: 5, shrinkage: 0, max: 1000 });
    expect(result.pool.mean).toBe(650);
    expect(result.pool.sd).toBeCloseTo(Math.sqrt(7500), 10);
    // 650 − √7500 / √5000 × 100 = 650 − 100·√1.5
    const first = result.sheets.filter((sheet) => sheet.applicationId === 'app-1');
    for (const sheet of first) expect(sheet.normalised).toBeCloseTo(650 - 100 * Math.sqrt(1.5), 9);
    expect(result.sheets.find((sheet) => sheet.sheetId === 'A-3')?.normalised).toBeCloseTo(650, 9);
    expect(result.experts.map((expert) => [expert.expertId, expert.mean, expert.method])).toEqual([
      ['A', 700, 'normalised'],
      ['B', 600, 'normalised'],
    ]);
  });

  it('shrinks each expert toward the pool: five pseudo-sheets halve the leniency correction (known answer)', () => {
    const result = normaliseScores([...lenient, ...strict], { minimumSheets: 5, shrinkage: 5, max: 1000 });
    const a = result.experts.find((expert) => expert.expertId === 'A');
    expect(a?.shrunkMean).toBe(675); // (5·700 + 5·650) / 10
    expect(a?.shrunkSd).toBeCloseTo(Math.sqrt(6250), 10); // (5·5000 + 5·7500) / 10
    const sheet = result.sheets.find((row) => row.sheetId === 'A-1');
    expect(sheet?.normalised).toBeCloseTo(650 + (Math.sqrt(7500) * (600 - 675)) / Math.sqrt(6250), 9);
    expect(sheet?.total).toBe(600);
  });

  it('keeps raw totals for an expert with too few sheets, next to the normalised ones', () => {
    const few = sheets('C', [900, 880]);
    const result = normaliseScores([...lenient, ...strict, ...few], { minimumSheets: 5, shrinkage: 0, max: 1000 });
    const c = result.sheets.filter((sheet) => sheet.expertId === 'C');
    expect(c.map((sheet) => [sheet.total, sheet.normalised, sheet.method])).toEqual([
      [900, 900, 'raw_too_few_sheets'],
      [880, 880, 'raw_too_few_sheets'],
    ]);
  });

  it('keeps raw totals when the pool has no spread, and keeps a normalised score within the scale', () => {
    const flat = normaliseScores(sheets('A', [500, 500, 500, 500, 500]), { minimumSheets: 5, shrinkage: 0, max: 1000 });
    expect(flat.sheets.every((sheet) => sheet.method === 'raw_no_spread' && sheet.normalised === 500)).toBe(true);
    const wide = normaliseScores([...sheets('A', [10, 10, 10, 10, 990]), ...sheets('B', [500, 500, 500, 500, 510])], {
      minimumSheets: 5,
      shrinkage: 0,
      max: 1000,
    });
    for (const sheet of wide.sheets) {
      expect(sheet.normalised).toBeGreaterThanOrEqual(0);
      expect(sheet.normalised).toBeLessThanOrEqual(1000);
    }
  });
});
