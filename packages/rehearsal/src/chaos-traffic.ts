import { anOrganisation } from '@laurel/testing';
import type { KeyedWriter } from './chaos-writer';
import { FACTS } from './intake.phase';
import { OBJECTOR, PDF } from './objector.fixture';

export interface ChaosTrafficOptions {
  /** The office's bearer token (applicants and applications). */
  office: string;
  cycleNumber: number;
  /** The notice the public objects to, and its entries. */
  noticeId: string;
  entries: string[];
}

/**
 * The several-instances traffic, sustained: clients register applicants and start their applications as the office
 * (ili), and every other one files a public objection on a notice, each a keyed write of the shared writer.
 */
export class ChaosTraffic {
  applicants = 0;
  applications = 0;
  objections = 0;
  private next = 0;
  private stopped = false;

  constructor(
    private readonly writer: KeyedWriter,
    private readonly options: ChaosTrafficOptions,
  ) {}

  /** Runs `clients` clients until `stop()`; resolves once each has finished its last write. */
  async run(clients: number): Promise<void> {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (!this.stopped) await this.item(this.next++);
      }),
    );
  }

  stop(): void {
    this.stopped = true;
  }

  private async item(item: number): Promise<void> {
    const n = 10_000 + item;
    const { office } = this.options;
    const body = anOrganisation('ili', n, { name: `${CHAOS_APPLICANT} ${n}` });
    const applicant = await this.writer.write(`applicant-${item}`, item, '/tenants/ili/applicants', body, office);
    if (!applicant) return;
    this.applicants += 1;
    const started = { applicantId: applicant.body.id, cycleNumber: this.options.cycleNumber, facts: FACTS };
    if (!(await this.writer.write(`application-${item}`, item + 1, '/tenants/ili/applications', started, office)))
      return;
    this.applications += 1;
    if (item % 2 !== 0) return;
    const objection = {
      entryId: this.options.entries[item % this.options.entries.length],
      objector: { ...OBJECTOR, name: `异议人${item}` },
      grounds: '该单位近三年发生重大质量事故。',
      evidence: [PDF],
    };
    const route = `/public/ili/notices/${this.options.noticeId}/objections`;
    if (await this.writer.write(`objection-${item}`, item, route, objection)) this.objections += 1;
  }
}

/** The name every applicant of the chaos traffic starts with. */
export const CHAOS_APPLICANT = 'ili 混沌单位';
