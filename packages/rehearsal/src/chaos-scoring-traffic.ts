import type { LaunchPolicyKey } from '@laurel/policy';
import { acceptedCycle } from './chaos-cycle';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext } from './cycle-context';
import type { GatewayClient, Json } from './gateway-client';
import type { RehearsalClock } from './rehearsal-clock';
import { assignSheets, itemsFor, type SheetToFill, sheetItems, sheetTotal } from './scoring.phase';
import { openPanelStage, PANEL_KINDS, scoredStageKeys } from './selection.phase';

/** The jurisdiction whose panel scores under the chaos: its first panel stage after acceptance is scored (答辩). */
export const SCORED_KEY: LaunchPolicyKey = 'linxia';
/** How many applicants it runs through acceptance to the scored stage. */
const APPLICANTS = 3;

/** A scored stage made ready before the chaos: the cycle's context, the stage as opened, its sheets to fill. */
export interface ScoredStage {
  context: CycleContext;
  stage: Json;
  sheets: SheetToFill[];
}

/**
 * A cycle of `SCORED_KEY` rehearsed before the chaos (nothing is killed yet) up to its first scored panel stage: the
 * jurisdiction and its staff, intake to acceptance, the stage opened, its panel of the rehearsal's experts and the
 * assignment solved. The experts' sheets the chaos traffic fills.
 */
export async function prepareScoredStage(
  client: GatewayClient,
  clock: RehearsalClock,
  operatorToken: string,
): Promise<ScoredStage> {
  const context = await acceptedCycle(client, clock, operatorToken, SCORED_KEY, APPLICANTS);
  const scored = await scoredStageKeys(context);
  const first = [...context.policy.procedure.stages]
    .sort((a, b) => a.order - b.order)
    .find((s) => PANEL_KINDS.has(s.kind) && scored.has(s.key));
  if (!first) throw new Error(`${SCORED_KEY}: no scored panel stage to score under the chaos`);
  const stage = await openPanelStage(context, first);
  return { context, stage, sheets: await assignSheets(context, stage) };
}

/** A submitted sheet as the traffic knows it: its id, its rubric and its place in the rehearsal's order. */
interface Submitted {
  id: string;
  token: string;
  rubric: Json;
  index: number;
}

/**
 * The panel's scores under the chaos (each write keyed, the shared writer): each expert's sheet for each application
 * it was given, read (its rubric), its items written and the sheet submitted; then, one at a time as the client asks,
 * revisions of the submitted sheets in turn, each a point or two off the sheet's first total, with its reason. Counts
 * what was answered, and the last total each sheet was sent.
 */
export class ScoringTraffic {
  /** The last total sent for each sheet answered submitted, by `<expert id> <application id>`. */
  readonly totals = new Map<string, number>();
  /** The revisions answered, by `<expert id> <application id>`. */
  readonly revisions = new Map<string, number>();
  private readonly sheets: (Submitted & { pair: string })[] = [];

  constructor(
    private readonly writer: KeyedWriter,
    readonly scored: ScoredStage,
  ) {}

  get revised(): number {
    return [...this.revisions.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Whether a sheet was submitted, to revise. */
  get revisable(): boolean {
    return this.sheets.length > 0;
  }

  /** Every sheet filled and submitted (a rubric read that never answers, past `done()`, leaves its sheet out). */
  async submit(done: () => boolean): Promise<void> {
    for (const [n, sheet] of this.scored.sheets.entries()) {
      const rubric = await this.writer.read(sheet.route, sheet.token, (b) => b.rubric as Json, done);
      if (!rubric) continue;
      const items = sheetItems(rubric, sheet.index);
      if (!(await this.writer.write(`sheet-${n}`, n, sheet.route, { items }, sheet.token, 200, 'PUT'))) continue;
      const submit = `${sheet.route}/submit`;
      const submitted = await this.writer.write(`sheet-submit-${n}`, n + 1, submit, {}, sheet.token, 200);
      if (submitted?.body.status !== 'submitted') continue;
      const pair = `${sheet.expertId} ${sheet.applicationId}`;
      this.totals.set(pair, totalOf(items));
      this.sheets.push({ id: submitted.body.id as string, token: sheet.token, rubric, index: sheet.index, pair });
    }
  }

  /** The k-th revision: of the next submitted sheet in turn. */
  async revise(k: number): Promise<void> {
    const sheet = this.sheets[k % this.sheets.length];
    if (!sheet) return;
    const items = itemsFor(sheet.rubric, Math.max(0, sheetTotal(sheet.rubric, sheet.index) - 1 - (k % 2)));
    const body = { items, reason: `复核后调整（混沌演练第${k}次）` };
    const route = this.scored.context.api(`/scoring/sheets/${sheet.id}/revisions`);
    if (!(await this.writer.write(`sheet-revision-${k}`, k, route, body, sheet.token, 200))) return;
    this.totals.set(sheet.pair, totalOf(items));
    this.revisions.set(sheet.pair, (this.revisions.get(sheet.pair) ?? 0) + 1);
  }
}

const totalOf = (items: Json[]) => items.reduce((sum, item) => sum + (item.score as number), 0);
