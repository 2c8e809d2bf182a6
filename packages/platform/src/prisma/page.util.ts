import { PAGE_LIMIT_DEFAULT, type PageRequest } from '@laurel/contracts';

/**
 * Prisma arguments for one page after the item `after` (keyset: Prisma resumes after the cursor row in the query's
 * order, which must end with `id` to be total). One row more than the page is read, to know whether another follows.
 */
export function pageArgs(page: PageRequest): { take: number; cursor?: { id: string }; skip?: number } {
  const take = (page.limit ?? PAGE_LIMIT_DEFAULT) + 1;
  return page.after ? { take, cursor: { id: page.after }, skip: 1 } : { take };
}

/** The page's rows, and the id the following page starts after (null on the last page). */
export function pageOf<T extends { id: string }>(rows: T[], page: PageRequest): { rows: T[]; next: string | null } {
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  if (rows.length <= limit) return { rows, next: null };
  const kept = rows.slice(0, limit);
  return { rows: kept, next: kept[kept.length - 1]?.id ?? null };
}
