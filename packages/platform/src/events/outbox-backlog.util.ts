import type { OutboxBacklog } from '@laurel/contracts';
import type { Database } from '../prisma/database.service';
import type { PrismaClientLike } from '../prisma/prisma-client-like';

/** How many of this service's events wait in its outbox: unpublished rows, the failing ones, the oldest. */
export async function readOutboxBacklog<C extends PrismaClientLike>(database: Database<C>): Promise<OutboxBacklog> {
  const [row] = await database.asSystem((tx) =>
    tx.$queryRawUnsafe<{ unpublished: number; failing: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS unpublished, count(*) FILTER (WHERE attempts > 0)::int AS failing,
              min(created_at) AS oldest
         FROM outbox_message WHERE published_at IS NULL`,
    ),
  );
  return {
    unpublished: row?.unpublished ?? 0,
    failing: row?.failing ?? 0,
    oldestCreatedAt: row?.oldest?.toISOString() ?? null,
  };
}
