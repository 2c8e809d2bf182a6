import { z } from 'zod';

/** The most a list answers at once, and how many when the caller does not say. */
export const PAGE_LIMIT_MAX = 500;
export const PAGE_LIMIT_DEFAULT = 100;

/**
 * A page of a list (keyset pagination): up to `limit` items after the item whose id is `after`, in the list's order.
 * The answer's `next` is the `after` of the following page, null on the last one. No list is cut off silently.
 */
export const pageRequest = {
  after: z.uuid().optional(),
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).optional(),
};

/** The same, from a query string (`?after=…&limit=…`). */
export const pageQuery = {
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).optional(),
};

/** Where the following page starts; null on the last page. */
export const pageNext = { next: z.uuid().nullable() };

export type PageRequest = { after?: string; limit?: number };
