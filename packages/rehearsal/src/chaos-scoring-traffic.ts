import { launchDivisionCodes, loadLaunchPolicy } from '@laurel/policy';
import type { KeyedWriter } from './chaos-writer';
import { CycleContext } from './cycle-context';
import type { GatewayClient, Json } from './gateway-client';
import { intake } from './intake.phase';
import type { RehearsalClock } from './rehearsal-clock';
import { assignSheets, type SheetToFill, sheetItems } from './scoring.phase';
import { openPanelStage, PANEL_KINDS, scoredStageKeys } from './selection.phase';
import { setUp } from './setup.phase';

/** The jurisdiction whose panel scores under the chaos: its first panel stage after acceptance is scored (答辩). */
export const SCORED_KEY = 'linxia';
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
  const policy = loadLaunchPolicy(SCORED_KEY);
  const context = new CycleContext(client, clock, policy, () => undefined);
  context.operatorToken = operatorToken;
  await setUp(context, launchDivisionCodes[SCORED_KEY], operatorToken);
  await intake(context, APPLICANTS);
  const scored = await scoredStageKeys(context);
  const first = [...policy.procedure.stages]
    .sort((a, b) => a.order - b.order)
    .find((s) => PANEL_KINDS.has(s.kind) && scored.has(s.key));
  if (!first) throw new Error(`${SCORED_KEY}: no scored panel stage to score under the chaos`);
  const stage = await openPanelStage(context, first);
  return { context, stage, sheets: await assignSheets(context, stage) };
}

/**
 * The panel's scores under the chaos, one client: each expert's sheet for each application it was given, read (its
 * rubric), its items written and the sheet submitted, each write keyed (the shared writer). Made whole even when the
 * traffic stops early, so that every run reaches them. Counts what was answered, and the total each sheet was sent.
 */
export class ScoringTraffic {
  /** The total sent for each sheet submitted as answered, by `<expert id> <application id>`. */
  readonly submitted = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly writer: KeyedWriter,
    readonly scored: ScoredStage,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    for (const [n, sheet] of this.scored.sheets.entries()) {
      const rubric = await this.writer.read(
        sheet.route,
        sheet.token,
        (b) => b.rubric as Json,
        () => this.stopped,
      );
      if (!rubric) continue;
      const items = sheetItems(rubric, sheet.index);
      if (!(await this.writer.write(`sheet-${n}`, n, sheet.route, { items }, sheet.token, 200, 'PUT'))) continue;
      const submitted = await this.writer.write(
        `sheet-submit-${n}`,
        n + 1,
        `${sheet.route}/submit`,
        {},
        sheet.token,
        200,
      );
      if (submitted?.body.status === 'submitted')
        this.submitted.set(
          `${sheet.expertId} ${sheet.applicationId}`,
          items.reduce((sum, item) => sum + (item.score as number), 0),
        );
    }
  }
}
