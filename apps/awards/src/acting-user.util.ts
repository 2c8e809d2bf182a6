import { RequestContexts } from '@laurel/platform';

/** The acting user's id, as recorded in `created_by` / `opened_by` / `closed_by`. */
export const actingUserId = (): string | null => RequestContexts.current()?.actor?.userId ?? null;
