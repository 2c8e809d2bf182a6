import { decisionBody, recordTitles } from './approval.phase';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/** The name every department of the chaos traffic starts with. */
export const CHAOS_DEPARTMENT = '混沌演练部门';

/**
 * The awards' writes under the chaos, as the office makes them (each a keyed write of the shared writer): the
 * government's approval of a cycle rehearsed up to it, then for each title it grants the certificate and the duties
 * of its policy; then, until stopped, departments registered for background clearance one after the other (the
 * awards write the office can repeat without end). The approval and each title's writes are made even when stopped
 * early, so that every run reaches them.
 */
export class AwardTraffic {
  /** The approval as answered (null: not answered). */
  decision: Json | null = null;
  /** Each title's certificate number, as answered. */
  readonly certificates = new Map<string, string>();
  /** Each title's duties, as the plan answered them. */
  readonly duties = new Map<string, Json[]>();
  departments = 0;
  /** Once the approval and each title's certificate and duties are answered (or were not). */
  readonly granted: Promise<void>;
  private doneGranting: () => void = () => undefined;
  private stopped = false;

  constructor(
    private readonly writer: KeyedWriter,
    private readonly context: CycleContext,
  ) {
    this.granted = new Promise((resolve) => {
      this.doneGranting = resolve;
    });
  }

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    await this.grant().finally(this.doneGranting);
    const office = this.context.token('office');
    for (let k = 0; !this.stopped; k += 1) {
      const body = { name: `${CHAOS_DEPARTMENT} ${k}` };
      const route = this.context.api('/departments');
      if (await this.writer.write(`department-${k}`, k, route, body, office)) this.departments += 1;
    }
  }

  private async grant(): Promise<void> {
    const office = this.context.token('office');
    const api = (path: string) => this.context.api(path);
    const route = api(`/cycles/${this.context.cycleNumber}/commendation-decision`);
    const decided = await this.writer.write('decision', 0, route, decisionBody(this.context), office);
    if (!decided) return;
    this.decision = decided.body;
    const titles = recordTitles(this.context, decided.body);
    for (const [i, title] of titles.entries()) {
      const id = title.id as string;
      const certificate = await this.writer.write(`certificate-${i}`, i, api(`/titles/${id}/certificate`), {}, office);
      if (certificate) this.certificates.set(id, certificate.body.number as string);
      const planned = await this.writer.write(`duties-${i}`, i + 1, api(`/titles/${id}/duties`), {}, office, 200);
      if (planned) this.duties.set(id, (planned.body.items ?? []) as Json[]);
    }
  }
}
