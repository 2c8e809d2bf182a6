import type { AwardTraffic } from './chaos-award-traffic';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext, RehearsalApplicant } from './cycle-context';
import type { Json } from './gateway-client';
import { evaluationBody, USE_ACCEPTED, useLines } from './use-of-money.phase';

/** The text every duty submission of the chaos starts with. */
export const CHAOS_SUBMISSION = '混沌演练年度绩效报告';

/** The winners of the later cycle holding a title, in the order of their applications. */
export const titleHolders = (context: CycleContext): RehearsalApplicant[] =>
  context.applicants.filter((a) => a.titleId !== null);

/**
 * What the winners owe after the award, under the chaos (each a keyed write of the shared writer): once
 * the titles and their duties are answered, every holder submits each of its annual reports from its own account;
 * then, once funds has confirmed an instalment to the first holder, it reports the use of the money paid (the lines
 * written, the report submitted), finance accepts the report and records the grant's performance evaluation (which
 * the awards service answers by marking the evaluation duty submitted).
 */
export class HolderTraffic {
  /** The duties submitted, as answered (by duty id, the holder's title id). */
  readonly submitted = new Map<string, string>();
  /** The duties the holders were to submit (their annual reports). */
  owed = 0;
  /** The use report as accepted, and what it reported (null: none accepted). */
  useReport: { entitlementId: string; titleId: string; totalFen: number } | null = null;
  evaluations = 0;

  constructor(
    private readonly writer: KeyedWriter,
    private readonly context: CycleContext,
    private readonly awards: AwardTraffic,
  ) {}

  /** The duties, then the use of the money; a read that never answers, past `done()`, leaves the rest out. */
  async run(done: () => boolean): Promise<void> {
    await this.awards.granted;
    await this.submitDuties();
    const holder = titleHolders(this.context)[0];
    if (holder) await this.reportUse(holder, done);
  }

  private async submitDuties(): Promise<void> {
    for (const holder of titleHolders(this.context)) {
      const duties = (this.awards.duties.get(holder.titleId as string) ?? []).filter((d) => d.kind === 'annual_report');
      this.owed += duties.length;
      for (const duty of duties) {
        const n = this.submitted.size;
        const body = { submission: `${CHAOS_SUBMISSION}：${holder.name} ${duty.key} 第${duty.sequence}次（演练）` };
        const route = this.context.api(`/duties/${duty.id}/submission`);
        const answered = await this.writer.write(`duty-${n}`, n, route, body, holder.accountToken, 200);
        if (answered?.body.status === 'submitted') this.submitted.set(duty.id as string, holder.titleId as string);
      }
    }
  }

  /** The holder's use of what was paid to it (its own list, as its account sees it), accepted and evaluated. */
  private async reportUse(holder: RehearsalApplicant, done: () => boolean): Promise<void> {
    const funds = this.context.api('/funds');
    const paid = (body: Json) =>
      ((body.items ?? []) as Json[]).find((i) => i.rules && ((i.entitlement as Json).paidFen as number) > 0);
    const route = `${funds}/use-reports?applicantId=${holder.applicantId}`;
    const item = await this.writer.read(route, holder.accountToken, paid, done);
    if (!item) return;
    const entitlement = item.entitlement as Json;
    const rules = item.rules as Json;
    const lines = useLines(rules, entitlement.paidFen as number);
    const use = `${funds}/entitlements/${entitlement.id}`;
    const finance = this.context.token('finance');
    const token = holder.accountToken;
    if (!(await this.writer.write('use-lines', 0, `${use}/use-report`, { lines }, token, 200, 'PUT'))) return;
    if (!(await this.writer.write('use-submission', 1, `${use}/use-report/submission`, {}, token, 200))) return;
    const accepted = await this.writer.write(
      'use-acceptance',
      0,
      `${use}/use-report/acceptance`,
      USE_ACCEPTED,
      finance,
      200,
    );
    if (!accepted) return;
    const report = accepted.body.report as Json;
    this.useReport = {
      entitlementId: entitlement.id as string,
      titleId: holder.titleId as string,
      totalFen: report.totalFen as number,
    };
    if (!rules.performanceEvaluation) return;
    const evaluation = evaluationBody(this.context);
    if (await this.writer.write('use-evaluation', 1, `${use}/performance-evaluation`, evaluation, finance))
      this.evaluations += 1;
  }
}
