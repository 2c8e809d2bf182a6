import type { Logger } from 'pino';
import {
  type CommandReceipt,
  type CommandReceiptStore,
  CommandReceipts,
  receiptId,
  sealReceipt,
  unsealReceipt,
} from './command-receipts';
import type { SqlExecutor } from './prisma-client-like';

/** A receipt is kept as long as the gateway keeps the Idempotency-Key's answer. */
const KEPT = '24 hours';
const SWEEP_EVERY_MS = 3_600_000;

/**
 * The receipts of a service's keyed commands in its own schema (`command_receipt`, platform.prisma), read and completed
 * by the platform role: a receipt is found by a hash of the command key and sealed under another (the gateway derives
 * the command key from the caller and its Idempotency-Key), so only the same caller's retry reads it. Swept hourly
 * after a day.
 */
export class DatabaseCommandReceipts implements CommandReceiptStore {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly service: string,
    private readonly sql: SqlExecutor,
    private readonly logger: Logger,
  ) {}

  start(): void {
    CommandReceipts.use(this.service, this);
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'sweeping command receipts failed'));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    CommandReceipts.use(this.service, null);
  }

  async find(key: string, subject: string): Promise<CommandReceipt | null> {
    const rows = await this.sql.$queryRawUnsafe<{ results: Record<string, string>; answer: string | null }[]>(
      'SELECT results, answer FROM command_receipt WHERE key = $1 AND subject = $2',
      receiptId(key),
      subject,
    );
    const row = rows[0];
    if (!row) return null;
    const open = (sealed: string) => JSON.parse(unsealReceipt(key, sealed)) as unknown;
    const results = Object.fromEntries(Object.entries(row.results).map(([n, sealed]) => [n, open(sealed)]));
    if (row.answer === null) {
      this.logger.warn({ subject }, 'a keyed command is retried after its answer was lost: replayed');
      return { results, answer: null, answered: false };
    }
    return { results, answer: open(row.answer), answered: true };
  }

  async answer(key: string, subject: string, answer: unknown): Promise<void> {
    await this.sql.$executeRawUnsafe(
      `UPDATE command_receipt SET answer = $3::jsonb, answered_at = now()
        WHERE key = $1 AND subject = $2 AND answered_at IS NULL`,
      receiptId(key),
      subject,
      JSON.stringify(sealReceipt(key, JSON.stringify(answer ?? null))),
    );
  }

  async sweep(): Promise<number> {
    return this.sql.$executeRawUnsafe(`DELETE FROM command_receipt WHERE created_at < now() - interval '${KEPT}'`);
  }
}
