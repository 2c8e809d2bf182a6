import type { Logger } from 'pino';
import { type CommandReceipt, type CommandReceiptStore, CommandReceipts } from './command-receipts';
import type { SqlExecutor } from './prisma-client-like';

/** A receipt is kept as long as the gateway keeps the Idempotency-Key's answer. */
const KEPT = '24 hours';
const SWEEP_EVERY_MS = 3_600_000;

/**
 * The receipts of a service's keyed commands in its own schema (`command_receipt`, platform.prisma), read and completed
 * by the platform role: the receipt's key already names the caller (the gateway derives it from the user or address and
 * the Idempotency-Key). Swept hourly after a day.
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
    const rows = await this.sql.$queryRawUnsafe<
      { results: Record<string, unknown>; answer: unknown; answered: boolean }[]
    >(
      `SELECT results, answer, answered_at IS NOT NULL AS answered FROM command_receipt WHERE key = $1 AND subject = $2`,
      key,
      subject,
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.answered) this.logger.warn({ subject }, 'a keyed command is retried after its answer was lost: replayed');
    return { results: row.results, answer: row.answer, answered: row.answered };
  }

  async answer(key: string, subject: string, answer: unknown): Promise<void> {
    await this.sql.$executeRawUnsafe(
      `UPDATE command_receipt SET answer = $3::jsonb, answered_at = now()
        WHERE key = $1 AND subject = $2 AND answered_at IS NULL`,
      key,
      subject,
      JSON.stringify(answer ?? null),
    );
  }

  async sweep(): Promise<number> {
    return this.sql.$executeRawUnsafe(`DELETE FROM command_receipt WHERE created_at < now() - interval '${KEPT}'`);
  }
}
