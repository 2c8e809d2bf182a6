/**
 * The normalisation part of `npm run bench:reviews` (issue 14): a stage of 1,000 applications × 7 experts × the
 * GB/T 19580 items (23), from the item scores to the ranking — each sheet's total, outliers flagged per panel
 * (robust z and gap), each expert's leniency corrected (shrunk z-scores) per scoring group, the applications' means
 * and the ranking with ties — exactly as the reviews service computes a stage's results (`computeStageResult`).
 * The floor is the same data sorted once (the 161,000 item scores by value). Target: < 1 s. Run by `reviews.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { loadScoringPlans, rubricForStandard } from '@laurel/policy';
import { computeStageResult, type StageSheet } from '../src/scoring/compute-stage-result.util';

const APPLICATIONS = 1000;
const PANEL = 7;
const POOL = 60;
const RUNS = 7;
const TARGET_MS = 1000;

const found = rubricForStandard('GB/T 19580');
if (!found) throw new Error('no GB/T 19580 rubric');
const rubric = found;
const items = rubric.categories.flatMap((category) => category.items);
const max = items.reduce((sum, item) => sum + item.points, 0);

/** A small seeded generator (mulberry32), so every run scores the same stage. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ItemRow {
  sheetId: string;
  itemKey: string;
  score: number;
}

function stage() {
  const next = random(14);
  const leniency = Array.from({ length: POOL }, () => (next() - 0.5) * 0.3);
  const rows: ItemRow[] = [];
  const sheets: { sheetId: string; expertId: string; applicationId: string }[] = [];
  for (let a = 0; a < APPLICATIONS; a++) {
    const quality = 0.35 + next() * 0.5;
    const panel = new Set<number>();
    while (panel.size < PANEL) panel.add(Math.floor(next() * POOL));
    for (const e of panel) {
      const sheetId = `s${a}-${e}`;
      sheets.push({ sheetId, expertId: `e${e}`, applicationId: `a${a}` });
      // One sheet in fifty is an outlier: a whole section misread.
      const slip = next() < 0.02 ? -0.3 : 0;
      for (const item of items) {
        const share = Math.min(1, Math.max(0, quality + (leniency[e] as number) + slip + (next() - 0.5) * 0.1));
        rows.push({ sheetId, itemKey: item.key, score: Math.round(share * item.points) });
      }
    }
  }
  return { rows, sheets };
}

/** From the item rows to the ranking, as the service does it. */
function normaliseAndRank(data: ReturnType<typeof stage>) {
  const totals = new Map<string, number>();
  for (const row of data.rows) totals.set(row.sheetId, (totals.get(row.sheetId) ?? 0) + row.score);
  const sheets: StageSheet[] = data.sheets.map((sheet) => ({
    ...sheet,
    applicantKind: 'organisation',
    max,
    step: rubric.step,
    total: totals.get(sheet.sheetId) as number,
  }));
  const plans = loadScoringPlans();
  return computeStageResult(sheets, new Map(), {
    minimumSheetsForNormalisation: plans.minimumSheetsForNormalisation,
    shrinkage: plans.shrinkage,
    robustZ: plans.outliers.robustZ,
    gapShare: plans.outliers.gapShare,
  });
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/** Prints the normalisation part's line and verdict; false when over the target. */
export function runScoringBench(): boolean {
  const data = stage();
  normaliseAndRank(data); // warm-up (JIT)
  const floors: number[] = [];
  const runs: number[] = [];
  let result: ReturnType<typeof normaliseAndRank> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const copy = data.rows.slice();
    floors.push(timed(() => copy.sort((a, b) => a.score - b.score)).ms);
    const run = timed(() => normaliseAndRank(data));
    runs.push(run.ms);
    result = run.value;
  }
  const floor = median(floors);
  const took = median(runs);
  const flagged = result?.sheets.filter((sheet) => sheet.flag).length ?? 0;
  const normalised = result?.groups[0]?.experts.filter((expert) => expert.method === 'normalised').length ?? 0;
  console.log(
    `normalise and rank: ${APPLICATIONS} applications × ${PANEL} experts (pool ${POOL}) × ${items.length} items of ${rubric.key} v${rubric.version} = ${data.rows.length} item scores`,
  );
  console.log(
    `  ${flagged} sheets flagged for consensus; ${normalised} of ${POOL} experts normalised; ${result?.ranking.length} ranked`,
  );
  console.log(`  floor (the same item scores sorted once): ${floor.toFixed(1)} ms`);
  console.log(
    `  normalise and rank, median of ${RUNS}:     ${took.toFixed(1)} ms  (${(took / floor).toFixed(1)} × floor)`,
  );
  console.log(`  target < ${TARGET_MS} ms: ${took < TARGET_MS ? 'PASS' : 'FAIL'}`);
  return took < TARGET_MS;
}
