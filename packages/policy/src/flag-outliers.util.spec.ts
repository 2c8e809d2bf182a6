import { flagOutliers, median } from './flag-outliers.util';

const panel = (applicationId: string, totals: number[]) =>
  totals.map((total, i) => ({ sheetId: `${applicationId}-${i}`, expertId: `e${i}`, applicationId, total }));
const options = { robustZ: 3.5, gapShare: 0.2, max: 1000, step: 1 };

describe('flagOutliers', () => {
  it('flags the one total far from the rest of the panel, by robust z and by the gap (known answer)', () => {
    const flags = flagOutliers(panel('a', [700, 710, 690, 705, 400]), options);
    expect(flags).toHaveLength(1);
    const [flag] = flags;
    expect(flag?.sheetId).toBe('a-4');
    expect(flag?.restMedian).toBe(702.5);
    // MAD of the rest (700, 710, 690, 705) about 702.5: median(2.5, 7.5, 12.5, 2.5) = 5
    expect(flag?.robustZ).toBeCloseTo(-302.5 / (1.4826 * 5), 9);
    expect(flag?.reasons).toEqual(['robust_z', 'gap']);
  });

  it('flags by robust z alone when the gap is small on the scale, and not at all in a consistent panel', () => {
    const tight = flagOutliers(panel('b', [700, 701, 699, 700, 760]), options);
    expect(tight.map((flag) => [flag.sheetId, flag.reasons])).toEqual([['b-4', ['robust_z']]]);
    expect(flagOutliers(panel('c', [700, 720, 690, 705, 710]), options)).toEqual([]);
  });

  it('does not judge a panel of fewer than three sheets', () => {
    expect(flagOutliers(panel('d', [100, 900]), options)).toEqual([]);
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
