import { randomUUID } from 'node:crypto';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/** What the chaos appropriates at a time and pays in one instalment, in fen (100 and 10 yuan). */
const APPROPRIATION_FEN = 10_000;
const INSTALMENT_FEN = 1_000;
/** The document every appropriation and the voucher every instalment of the chaos starts with. */
export const CHAOS_DOCUMENT = '混沌财预';
export const CHAOS_VOUCHER = '混沌付';

/**
 * The funds' writes under the chaos, as finance makes them (each a keyed write of the shared writer), two clients
 * side by side: one loads appropriations into the cycle's budget year and the next, one after the other; the other
 * waits for the winners' entitlements (obligated by funds from the approval's event) and pays them in small
 * instalments, each initiated (a pending transfer) and confirmed by the treasury (posted). Counts what was answered.
 */
export class FundsTraffic {
  /** The appropriations answered, in fen by budget year. */
  readonly appropriated = new Map<number, number>();
  appropriations = 0;
  initiated = 0;
  confirmed = 0;
  paidFen = 0;
  /** What was confirmed paid to each entitlement, in fen. */
  readonly paidTo = new Map<string, number>();
  /** Once every instalment is done (the traffic stopped, or no entitlement to pay). */
  readonly paying: Promise<void>;
  private donePaying: () => void = () => undefined;
  /** Entitlements no longer paid (their title about to be revoked). */
  private readonly closed = new Set<string>();
  /** The instalment under way (initiated and not yet confirmed or failed). */
  private current: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly writer: KeyedWriter,
    private readonly context: CycleContext,
    /** How many winners the approval obligates an entitlement for. */
    private readonly winners: number,
  ) {
    this.paying = new Promise((resolve) => {
      this.donePaying = resolve;
    });
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * No further instalment to the entitlement (its title about to be revoked); answers what was confirmed paid to it
   * once the instalment under way, if any, is done: what a clawback case then recovers.
   */
  async stopPaying(entitlementId: string): Promise<number> {
    this.closed.add(entitlementId);
    await this.current;
    return this.paidTo.get(entitlementId) ?? 0;
  }

  run(): Promise<unknown> {
    return Promise.all([this.appropriate(), this.pay()]);
  }

  private async appropriate(): Promise<void> {
    const finance = this.context.token('finance');
    for (let k = 0; !this.stopped; k += 1) {
      const budgetYear = this.context.cycleYear + (k % 2);
      const body = {
        transferId: randomUUID(),
        budgetYear,
        amountFen: APPROPRIATION_FEN,
        document: `${CHAOS_DOCUMENT}〔${budgetYear}〕${k}号`,
      };
      if (!(await this.writer.write(`appropriation-${k}`, k, this.context.api('/funds/appropriations'), body, finance)))
        continue;
      this.appropriations += 1;
      this.appropriated.set(budgetYear, (this.appropriated.get(budgetYear) ?? 0) + APPROPRIATION_FEN);
    }
  }

  /**
   * Instalments until stopped, and at least two: a short run still pays some once its entitlements are there. Paid in
   * turn to each entitlement still open.
   */
  private async pay(): Promise<void> {
    try {
      const entitlements = await this.obligated();
      for (let k = 0; !this.stopped || this.confirmed < 2; k += 1) {
        const open = entitlements.filter((e) => !this.closed.has(e.id as string));
        if (open.length === 0) return;
        let done: () => void = () => undefined;
        this.current = new Promise((resolve) => {
          done = resolve;
        });
        await this.instalment(k, open[k % open.length] as Json).finally(done);
      }
    } finally {
      this.donePaying();
    }
  }

  /** One instalment: initiated (a pending transfer), then confirmed by the treasury (posted). */
  private async instalment(k: number, entitlement: Json): Promise<void> {
    const finance = this.context.token('finance');
    const transferId = randomUUID();
    const initiate = {
      transferId,
      amountFen: INSTALMENT_FEN,
      voucher: `${CHAOS_VOUCHER}〔${this.context.cycleYear}〕${k}号`,
    };
    const route = this.context.api(`/funds/entitlements/${entitlement.id}/disbursements`);
    if (!(await this.writer.write(`instalment-${k}`, k, route, initiate, finance))) return;
    this.initiated += 1;
    const confirm = { transferId: randomUUID(), treasuryReference: `国库集中支付 混沌-${k}` };
    const confirmRoute = this.context.api(`/funds/disbursements/${transferId}/confirm`);
    if (!(await this.writer.write(`confirm-${k}`, k + 1, confirmRoute, confirm, finance, 200))) return;
    this.confirmed += 1;
    this.paidFen += INSTALMENT_FEN;
    const id = entitlement.id as string;
    this.paidTo.set(id, (this.paidTo.get(id) ?? 0) + INSTALMENT_FEN);
  }

  /** The obligated entitlements once there is one per winner (read through whichever gateway answers). */
  private async obligated(): Promise<Json[]> {
    const route = this.context.api('/funds/entitlements?status=obligated');
    const found = (body: Json) => {
      const list = body.entitlements as Json[] | undefined;
      return list && list.length >= this.winners ? list : undefined;
    };
    return (await this.writer.read(route, this.context.token('finance'), found, () => this.stopped)) ?? [];
  }
}
