import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { SqlExecutor } from './prisma-client-like';

/** The pg connection a driver-adapter transaction runs on. */
interface PgConnection {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}

interface AdapterLike {
  startTransaction(isolationLevel?: unknown): Promise<unknown>;
}

const capturing = new AsyncLocalStorage<{ connection?: PgConnection }>();
const executors = new WeakMap<object, SqlExecutor>();

/**
 * Lets the platform run its own statements (tenant setting, outbox, inbox, audit) directly on the connection of the
 * Prisma transaction they belong to — same connection, same BEGIN…COMMIT — without Prisma's per-statement cost.
 * Wraps the adapter factory so that each transaction it starts hands its connection to whoever is capturing.
 */
export function capturingTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = (adapter as unknown as AdapterLike).startTransaction.bind(adapter);
    (adapter as unknown as AdapterLike).startTransaction = async (isolationLevel?: unknown) => {
      const transaction = await start(isolationLevel);
      const holder = capturing.getStore();
      const connection = (transaction as { client?: PgConnection }).client;
      if (holder && connection && typeof connection.query === 'function') holder.connection = connection;
      return transaction;
    };
    return adapter;
  };
  return factory;
}

/** Runs `start` (which opens a Prisma transaction) while capturing the connection that transaction gets. */
export function withCapturedConnection<T>(
  start: (connection: () => PgConnection | undefined) => Promise<T>,
): Promise<T> {
  const holder: { connection?: PgConnection } = {};
  return capturing.run(holder, () => start(() => holder.connection));
}

/** Registers the direct executor of a transaction. */
export function registerDirectExecutor(tx: object, connection: PgConnection): SqlExecutor {
  const executor: SqlExecutor = {
    $executeRawUnsafe: async (query: string, ...values: unknown[]) =>
      (await connection.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <R = unknown>(query: string, ...values: unknown[]) =>
      (await connection.query(query, values)).rows as R,
  };
  executors.set(tx, executor);
  return executor;
}

/** The fastest executor for the platform's own SQL in `tx`: its connection when captured, else `tx` itself. */
export function platformSql<T extends SqlExecutor & object>(tx: T): SqlExecutor {
  return executors.get(tx) ?? tx;
}
