import { acting, Clock, Database, ErrorReporter, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../funds-prisma';
import { Ledger, type TransferEntry, type TransferOutcome, type TransferRequest } from './ledger.service';

interface Waiting {
  readonly entry: TransferEntry;
  readonly resolve: (outcome: TransferOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface TenantQueue {
  waiting: Waiting[];
  running: boolean;
}

/** At most this many transfers share one transaction (one `ledger_post` statement). */
const MAX_BATCH = 1000;

/**
 * Group commit (ADR 0034) for transfers that are their own business record (no other row to commit with): requests
 * arriving while a tenant's batch is committing wait, and go together in the next transaction — one `ledger_post`
 * statement and one commit for all of them, each with its own answer (posted, replayed, refused, or its 409). A
 * hot account is then locked once per batch instead of once per transfer. Should the batch's transaction fail as a
 * whole (a lost connection, a timeout), each of its requests is tried alone, so one cannot sink another; nothing is
 * answered before its commit.
 */
@Injectable()
export class LedgerGroupCommit {
  private readonly queues = new Map<string, TenantQueue>();
  /** How many batches were committed and how many transfers they carried (the mean batch, for the bench). */
  readonly committed = { batches: 0, transfers: 0 };

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
  ) {}

  /** Posts a transfer in the tenant's next batch; answers once that batch has committed. */
  transfer(request: TransferRequest): Promise<TransferOutcome> {
    const tenantId = RequestContexts.requireTenant();
    const entry: TransferEntry = { request, actor: acting().label, at: this.clock.now() };
    return new Promise<TransferOutcome>((resolve, reject) => {
      let queue = this.queues.get(tenantId);
      if (!queue) {
        queue = { waiting: [], running: false };
        this.queues.set(tenantId, queue);
      }
      queue.waiting.push({ entry, resolve, reject });
      if (!queue.running) void this.drain(tenantId, queue);
    });
  }

  private async drain(tenantId: string, queue: TenantQueue): Promise<void> {
    queue.running = true;
    try {
      while (queue.waiting.length > 0) {
        const batch = queue.waiting.splice(0, MAX_BATCH);
        await this.commit(tenantId, batch);
      }
    } finally {
      queue.running = false;
      if (queue.waiting.length === 0) this.queues.delete(tenantId);
      else void this.drain(tenantId, queue);
    }
  }

  private async commit(tenantId: string, batch: readonly Waiting[]): Promise<void> {
    const inTenant = <T>(fn: () => Promise<T>) => RequestContexts.run(RequestContexts.system(tenantId), fn);
    try {
      const answers = await inTenant(() =>
        this.database.inTenant((tx) =>
          this.ledger.transfersBy(
            tx,
            batch.map((w) => w.entry),
          ),
        ),
      );
      this.committed.batches++;
      this.committed.transfers += batch.length;
      answers.forEach((answer, i) => {
        settle(batch[i] as Waiting, answer);
      });
    } catch (error) {
      if (batch.length === 1) {
        (batch[0] as Waiting).reject(error as Error);
        return;
      }
      ErrorReporter.report(error, `a ledger batch of ${batch.length} failed: each transfer is tried alone`);
      for (const waiting of batch) {
        try {
          const [answer] = await inTenant(() =>
            this.database.inTenant((tx) => this.ledger.transfersBy(tx, [waiting.entry])),
          );
          settle(waiting, answer as TransferOutcome | Error);
        } catch (alone) {
          waiting.reject(alone as Error);
        }
      }
    }
  }
}

function settle(waiting: Waiting, answer: TransferOutcome | Error): void {
  if (answer instanceof Error) waiting.reject(answer);
  else waiting.resolve(answer);
}
