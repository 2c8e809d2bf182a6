/** What the platform needs of a service's generated Prisma client. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** The platform's SQL executor over a pg-style `query(text, values)` (a transaction's connection, or a pool). */
export function sqlExecutor(
  query: (text: string, values: unknown[]) => Promise<{ rowCount: number | null; rows: unknown[] }>,
): SqlExecutor {
  return {
    $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await query(text, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T = unknown>(text: string, ...values: unknown[]) => (await query(text, values)).rows as T,
  };
}

/** A callback type checked bivariantly, so that any generated client's transaction callback fits. */
type TransactionCallback<R> = { bivarianceHack(tx: SqlExecutor): Promise<R> }['bivarianceHack'];

export interface PrismaClientLike extends SqlExecutor {
  $transaction<R>(fn: TransactionCallback<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
  $disconnect(): Promise<void>;
}

/** The client inside an interactive transaction, as Prisma types it. */
export type TxOf<C> = Omit<C, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | '$use'> & SqlExecutor;
