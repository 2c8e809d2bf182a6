import { randomUUID } from 'node:crypto';
import type { FundsTraffic } from './chaos-funds-traffic';
import { titleHolders } from './chaos-holder-traffic';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';
import { approvalOf, consequenceToRehearse, demandBody, revocationBody } from './revocation.phase';

/** What the chaos recovers at a time, in fen (1 jiao): an instalment paid comes back in a hundred recoveries. */
const RECOVERY_FEN = 10;
/** The receipt every recovery of the chaos starts with. */
export const CHAOS_RECEIPT = '混沌缴款书';

/**
 * A revocation under the chaos, as the office and finance make it (each a keyed write of the shared writer): once
 * funds has confirmed an instalment to the last title holder, its instalments stop (what was paid is what a clawback
 * recovers); the office opens a revocation case of its title on the ground the policy revokes, bans and claws back
 * for, and records the approving body's act; once funds has opened the clawback case from the awards' event, finance
 * sends the demand letter; then, one at a time as the client asks, recoveries of a jiao each until nothing is
 * outstanding. Counts what was answered.
 */
export class RevocationTraffic {
  /** The revocation as approved (null: none), the title it revoked and what was paid under it. */
  revocation: { id: string; titleId: string; paidFen: number; status: string; steps: string[] } | null = null;
  /** The clawback case as demanded (null: none). */
  clawback: { id: string; amountFen: number } | null = null;
  recoveries = 0;
  recoveredFen = 0;
  /** What the case still claims, as last answered. */
  outstandingFen = 0;

  constructor(
    private readonly writer: KeyedWriter,
    private readonly context: CycleContext,
    private readonly funds: FundsTraffic,
  ) {}

  /** The revocation, approved, and its clawback case demanded. */
  async revoke(): Promise<void> {
    const chosen = consequenceToRehearse(this.context);
    const holders = titleHolders(this.context);
    const holder = holders[holders.length - 1];
    if (!chosen || !holder || holders.length < 2) return;
    // The holder's entitlement once something is confirmed paid to it (its own list, as its account sees it).
    const paid = (body: Json) =>
      ((body.items ?? []) as Json[])
        .map((i) => i.entitlement as Json)
        .find((e) => (e.paidFen as number) > 0 && this.funds.paidTo.has(e.id as string));
    const route = this.context.api(`/funds/use-reports?applicantId=${holder.applicantId}`);
    let paying = true;
    void this.funds.paying.then(() => {
      paying = false;
    });
    const entitlement = await this.writer.read(route, holder.accountToken, paid, () => !paying);
    if (!entitlement) return;
    const paidFen = await this.funds.stopPaying(entitlement.id as string);
    const office = this.context.token('office');
    const titleId = holder.titleId as string;
    const body = revocationBody(this.context, titleId, chosen.ground);
    const opened = await this.writer.write('revocation', 0, this.context.api('/revocations'), body, office);
    if (!opened) return;
    const id = opened.body.id as string;
    const approval = approvalOf(this.context, chosen.consequence);
    const approveRoute = this.context.api(`/revocations/${id}/approve`);
    const approved = await this.writer.write('revocation-approval', 1, approveRoute, approval, office, 200);
    if (!approved) return;
    const steps = ((approved.body.steps ?? []) as Json[]).map((s) => s.kind as string);
    this.revocation = { id, titleId, paidFen, status: approved.body.status as string, steps };
    if (steps.some((kind) => kind.startsWith('clawback'))) await this.clawBack(id);
  }

  private async clawBack(revocationId: string): Promise<void> {
    const finance = this.context.token('finance');
    const cases = this.context.api('/funds/clawback-cases');
    const found = (body: Json) => ((body.cases ?? []) as Json[]).find((c) => c.revocationId === revocationId);
    // Past the stop too: the case comes from the awards' event, whatever the traffic does.
    const opened = await this.writer.read(cases, finance, found, () => true);
    if (opened?.status !== 'opened') return;
    const id = opened.id as string;
    const demanded = await this.writer.write(
      'clawback-demand',
      0,
      `${cases}/${id}/demand`,
      demandBody(this.context),
      finance,
      200,
    );
    if (!demanded) return;
    this.clawback = { id, amountFen: Number(opened.amountFen) };
    this.outstandingFen = Number(demanded.body.outstandingFen);
  }

  /** The k-th recovery, of a jiao or what is left. */
  async recover(k: number): Promise<void> {
    if (!this.clawback || this.outstandingFen <= 0) return;
    const amountFen = Math.min(RECOVERY_FEN, this.outstandingFen);
    const recovery = { transferId: randomUUID(), amountFen, receipt: `${CHAOS_RECEIPT} 混沌-${k}` };
    const route = this.context.api(`/funds/clawback-cases/${this.clawback.id}/recoveries`);
    const answered = await this.writer.write(`recovery-${k}`, k, route, recovery, this.context.token('finance'));
    if (!answered) return;
    this.recoveries += 1;
    this.recoveredFen += amountFen;
    this.outstandingFen = Number(answered.body.outstandingFen);
  }
}
