import { applicantGet, type DomainError } from '@laurel/contracts';
import { acting, ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';

const MONEY_READERS = ['finance', 'office'] as const;

/**
 * Who may read or act on a recipient's use of award money: finance and the office (read), or the applicant account
 * that owns the applicant. The applications service answers an applicant account only about its own applicant, so
 * asking it is the check (as the awards service's HolderAccess does). Anything else reads as not found.
 */
@Injectable()
export class RecipientAccess {
  constructor(private readonly client: ServiceClient) {}

  isStaff(): boolean {
    const who = acting();
    return MONEY_READERS.some((role) => who.has(role));
  }

  /** Staff pass unless `winnerOnly`; an applicant account passes for its own applicant only. */
  async require(applicantId: string | undefined, notFound: () => DomainError, options: { winnerOnly?: boolean } = {}) {
    if (!options.winnerOnly && this.isStaff()) return;
    if (!applicantId || !acting().has('applicant')) throw notFound();
    await this.client.request(applicantGet, { id: applicantId }).catch(() => {
      throw notFound();
    });
  }
}
