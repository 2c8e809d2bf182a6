/** Prisma's unique-constraint violation: another request wrote the same first row a moment earlier. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === 'P2002';

/**
 * Runs `work`; when it loses a first-write race (a unique key another request inserted since it looked), answers with
 * `lost()` instead of a 500: a 409 for a decision recorded once, or `work` again for a write that is idempotent (the
 * second run finds the row and updates it).
 */
export async function onUniqueViolation<T>(work: () => Promise<T>, lost: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return lost();
    throw error;
  }
}
