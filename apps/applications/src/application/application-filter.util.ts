import type { ApplicationStatus } from '@laurel/contracts';
import type { Prisma } from '../generated/prisma/client';

/** What a list of applications is narrowed to: a cycle, one or several statuses, a stage (an office's work queue). */
export interface ApplicationFilter {
  cycleNumber?: number;
  status?: readonly ApplicationStatus[];
  stage?: string;
}

/**
 * The filter as a query (`where`), to be combined with the viewer's visibility and the page: every condition given
 * must hold; an empty or absent one does not narrow.
 */
export function applicationFilterOf(filter: ApplicationFilter): Prisma.ApplicationWhereInput {
  return {
    ...(filter.cycleNumber === undefined ? {} : { cycleNumber: filter.cycleNumber }),
    ...(filter.status === undefined || filter.status.length === 0 ? {} : { status: { in: [...filter.status] } }),
    ...(filter.stage === undefined ? {} : { stage: filter.stage }),
  };
}
