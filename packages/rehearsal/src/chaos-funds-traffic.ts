import { randomUUID } from 'node:crypto';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext } from './cycle-context';
import { GatewayClient, type Json } from './gateway-client';

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
  private stopped = false;

  constructor(
    private readonly writer: KeyedWriter,
    private readonly context: CycleContext,
    private readonly urls: () => string[],
    /** How many winners the approval obligates an entitlement for. */
    private readonly winners: number,
  ) {}

  stop(): void {
    this.stopped = true;
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

  /** Instalments until stopped, and at least two: a short run still pays some once its entitlements are there. */
  private async pay(): Promise<void> {
    const finance = this.context.token('finance');
    const entitlements = await this.obligated();
    for (let k = 0; entitlements.length > 0 && (!this.stopped || this.confirmed < 2); k += 1) {
      const entitlement = entitlements[k % entitlements.length] as Json;
      const transferId = randomUUID();
      const initiate = {
        transferId,
        amountFen: INSTALMENT_FEN,
        voucher: `${CHAOS_VOUCHER}〔${this.context.cycleYear}〕${k}号`,
      };
      const route = this.context.api(`/funds/entitlements/${entitlement.id}/disbursements`);
      if (!(await this.writer.write(`instalment-${k}`, k, route, initiate, finance))) continue;
      this.initiated += 1;
      const confirm = { transferId: randomUUID(), treasuryReference: `国库集中支付 混沌-${k}` };
      const confirmRoute = this.context.api(`/funds/disbursements/${transferId}/confirm`);
      if (!(await this.writer.write(`confirm-${k}`, k + 1, confirmRoute, confirm, finance, 200))) continue;
      this.confirmed += 1;
      this.paidFen += INSTALMENT_FEN;
    }
  }

  /** The obligated entitlements once there is one per winner (read through whichever gateway answers). */
  private async obligated(): Promise<Json[]> {
    const finance = this.context.token('finance');
    for (let attempt = 0; ; attempt += 1) {
      const urls = this.urls();
      const client = new GatewayClient(urls[attempt % urls.length] as string);
      const answer = await client
        .call('GET', this.context.api('/funds/entitlements?status=obligated'), { token: finance })
        .catch(() => undefined);
      const list = (answer?.status === 200 ? answer.body.entitlements : undefined) as Json[] | undefined;
      if (list && list.length >= this.winners) return list;
      // Past the stop, the entitlements have had the ack wait of a killed consumer and more: none is coming.
      if (this.stopped && attempt > 600) return [];
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
