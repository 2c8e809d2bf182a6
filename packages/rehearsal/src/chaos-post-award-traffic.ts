import type { AwardTraffic } from './chaos-award-traffic';
import type { FundsTraffic } from './chaos-funds-traffic';
import { HolderTraffic } from './chaos-holder-traffic';
import { RevocationTraffic } from './chaos-revocation-traffic';
import { type ScoredStage, ScoringTraffic } from './chaos-scoring-traffic';
import type { KeyedWriter } from './chaos-writer';
import type { CycleContext } from './cycle-context';

/**
 * One client of the chaos for what follows the award and for a panel: the panel's sheets submitted; once the titles
 * are granted, the holders' duties and the use of the money; a revocation with its clawback case demanded (all of
 * these made whole even when the traffic stops early, so that every run reaches them); then, until the traffic stops,
 * a clawback recovery and a sheet's revision in turn (the recoveries until nothing is outstanding; at least two
 * recoveries and one revision, even when the traffic stopped before them).
 */
export class PostAwardTraffic {
  readonly holder: HolderTraffic;
  readonly revocation: RevocationTraffic;
  readonly scoring: ScoringTraffic;
  private stopped = false;

  constructor(
    writer: KeyedWriter,
    later: CycleContext,
    awards: AwardTraffic,
    funds: FundsTraffic,
    scored: ScoredStage,
  ) {
    this.holder = new HolderTraffic(writer, later, awards);
    this.revocation = new RevocationTraffic(writer, later, funds);
    this.scoring = new ScoringTraffic(writer, scored);
  }

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    const done = () => this.stopped;
    await this.scoring.submit(done);
    await this.holder.run(done);
    await this.revocation.revoke();
    for (let k = 0; ; k += 1) {
      const recovering = this.revocation.outstandingFen > 0 && (!this.stopped || this.revocation.recoveries < 2);
      const revising = this.scoring.revisable && (!this.stopped || this.scoring.revised < 1);
      if (!recovering && !revising) return;
      if (recovering) await this.revocation.recover(k);
      if (revising) await this.scoring.revise(k);
    }
  }
}
