import { PAGE_LIMIT_DEFAULT, type PageRequest } from '@laurel/contracts';

/**
 * Prisma arguments for one page after the item `after` (keyset: Prisma resumes from the cursor row in the query's
 * order, which must end with `id` to be total). The cursor row itself is left out by its id rather than by skipping
 * one row, so nothing is lost when it no longer matches the filter (an objection admitted between two pages of the
 * `received` ones). One row more than the page is read, to know whether another follows.
 */
export function pageArgs<W extends object>(
  page: PageRequest,
  where: W,
): { where: W | { AND: [W, { id: { not: string } }] }; take: number; cursor?: { id: string } } {
  const take = (page.limit ?? PAGE_LIMIT_DEFAULT) + 1;
  if (!page.after) return { where, take };
  return { where: { AND: [where, { id: { not: page.after } }] }, take, cursor: { id: page.after } };
}

/** The page's rows, and the id the following page starts after (null on the last page). */
export function pageOf<T extends { id: string }>(rows: T[], page: PageRequest): { rows: T[]; next: string | null } {
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  if (rows.length <= limit) return { rows, next: null };
  const kept = rows.slice(0, limit);
  return { rows: kept, next: kept[kept.length - 1]?.id ?? null };
}
