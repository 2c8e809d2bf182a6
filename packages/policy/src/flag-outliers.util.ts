/**
 * Outliers in a panel: each expert's total against the rest of the panel on the same application, by a robust
 * z-score (`(total − median of the rest) / (1.4826 × MAD of the rest)`, the MAD floored at the scale's step so a
 * unanimous rest does not make every difference infinite) and by a gap on the scale (more than `gapShare` of the
 * maximum from the rest's median). A panel of fewer than three sheets is not judged (no "rest" to speak of). A flag
 * goes to consensus; nothing is dropped here.
 */
export interface PanelTotal {
  readonly sheetId: string;
  readonly expertId: string;
  readonly applicationId: string;
  readonly total: number;
}

export interface OutlierOptions {
  readonly robustZ: number;
  readonly gapShare: number;
  readonly max: number;
  readonly step: number;
}

export type OutlierReason = 'robust_z' | 'gap';

export interface OutlierFlag {
  readonly sheetId: string;
  readonly expertId: string;
  readonly applicationId: string;
  readonly total: number;
  readonly restMedian: number;
  readonly robustZ: number;
  readonly gap: number;
  readonly reasons: readonly OutlierReason[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function flagOutliers(totals: readonly PanelTotal[], options: OutlierOptions): OutlierFlag[] {
  const panels = new Map<string, PanelTotal[]>();
  for (const total of totals) {
    const panel = panels.get(total.applicationId);
    if (panel) panel.push(total);
    else panels.set(total.applicationId, [total]);
  }
  const flags: OutlierFlag[] = [];
  for (const panel of panels.values()) {
    if (panel.length < 3) continue;
    for (const sheet of panel) {
      const rest = panel.filter((other) => other !== sheet).map((other) => other.total);
      const restMedian = median(rest);
      const mad = median(rest.map((value) => Math.abs(value - restMedian)));
      const scale = 1.4826 * Math.max(mad, options.step);
      const gap = sheet.total - restMedian;
      const robustZ = gap / scale;
      const reasons: OutlierReason[] = [];
      if (Math.abs(robustZ) > options.robustZ) reasons.push('robust_z');
      if (Math.abs(gap) > options.gapShare * options.max) reasons.push('gap');
      if (reasons.length > 0) flags.push({ ...sheet, restMedian, robustZ, gap, reasons });
    }
  }
  return flags;
}
