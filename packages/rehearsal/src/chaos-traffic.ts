import { anOrganisation } from '@laurel/testing';
import { keyedPost } from './event-pipeline';
import type { Answer, Json } from './gateway-client';
import { FACTS } from './intake.phase';
import { OBJECTOR, PDF } from './objector.fixture';

/** A client request that failed (a 5xx, a refused connection, a key left in progress) and whether a retry mended it. */
export interface FailedWrite {
  write: string;
  status: number;
  /** Seconds since the traffic began. */
  at: number;
  mended: boolean;
}

export interface ChaosTrafficOptions {
  /** The gateways' current base URLs (a restarted gateway listens on a new port). */
  urls: () => string[];
  /** The office's bearer token (applicants and applications). */
  office: string;
  cycleNumber: number;
  /** The notice the public objects to, and its entries. */
  noticeId: string;
  entries: string[];
}

/** How long a failed write is retried with its key: a gateway killed mid-request leaves its key in progress 60 s. */
const MEND_WITHIN_MS = 150_000;

/**
 * The several-instances traffic, sustained: clients register applicants and start their applications as the office,
 * and every other one files a public objection on a notice, each write with an Idempotency-Key of its own sent to the
 * gateways in turn; a write that fails is retried with the same key (to the next gateway) until it is answered.
 */
export class ChaosTraffic {
  readonly failures: FailedWrite[] = [];
  sent = 0;
  applicants = 0;
  applications = 0;
  objections = 0;
  /** Writes answered other than as expected, even after retries (each is also a failure). */
  readonly unexpected: string[] = [];
  private next = 0;
  private stopped = false;
  private readonly began = performance.now();

  constructor(private readonly options: ChaosTrafficOptions) {}

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
    const applicant = await this.write(
      `applicant-${item}`,
      item,
      '/tenants/ili/applicants',
      anOrganisation('ili', n, { name: `${CHAOS_APPLICANT} ${n}` }),
      this.options.office,
    );
    if (!applicant) return;
    this.applicants += 1;
    const started = { applicantId: applicant.body.id, cycleNumber: this.options.cycleNumber, facts: FACTS };
    if (!(await this.write(`application-${item}`, item + 1, '/tenants/ili/applications', started, this.options.office)))
      return;
    this.applications += 1;
    if (item % 2 !== 0) return;
    const body = {
      entryId: this.options.entries[item % this.options.entries.length],
      objector: { ...OBJECTOR, name: `异议人${item}` },
      grounds: '该单位近三年发生重大质量事故。',
      evidence: [PDF],
    };
    if (await this.write(`objection-${item}`, item, `/public/ili/notices/${this.options.noticeId}/objections`, body))
      this.objections += 1;
  }

  /** A keyed write; answers the created resource, or undefined if it was never created. */
  private async write(
    name: string,
    gateway: number,
    route: string,
    body: Json,
    token?: string,
  ): Promise<Answer | undefined> {
    const key = `chaos-${name}`;
    const url = (attempt: number) => {
      const urls = this.options.urls();
      return urls[(gateway + attempt) % urls.length] as string;
    };
    this.sent += 1;
    let answer = await keyedPost(url(0), route, token, key, body);
    if (retryable(answer)) {
      const failure: FailedWrite = { write: name, status: answer.status, at: this.seconds(), mended: false };
      this.failures.push(failure);
      const until = performance.now() + MEND_WITHIN_MS;
      for (let attempt = 1; retryable(answer) && performance.now() < until; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
        answer = await keyedPost(url(attempt), route, token, key, body);
      }
      failure.mended = answer.status === 201;
    }
    if (answer.status === 201) return answer;
    this.unexpected.push(`${name} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    return undefined;
  }

  private seconds(): number {
    return Math.round(performance.now() - this.began) / 1000;
  }
}

/** The name every applicant of the chaos traffic starts with. */
export const CHAOS_APPLICANT = 'ili 混沌单位';

/** A failure a retry with the same key may mend: a 5xx, a refused connection, or the key still in progress. */
function retryable(answer: Answer): boolean {
  if (answer.status === 0 || answer.status >= 500) return true;
  return answer.status === 409 && /still being processed|仍在处理中/.test(JSON.stringify(answer.body));
}
