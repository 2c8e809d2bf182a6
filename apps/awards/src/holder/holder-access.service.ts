import { applicantGet, DomainError } from '@laurel/contracts';
import { acting, ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';

const STAFF = ['office', 'leading_group', 'supervisor', 'finance'] as const;

/**
 * Who may read or act on a title holder's things (certificate, duties): staff of the tenant, or the applicant account
 * that owns the applicant. The applications service knows whose account an applicant is: it answers an applicant
 * account only about its own applicant, so asking it is the check. Anything else reads as not found.
 */
@Injectable()
export class HolderAccess {
  constructor(private readonly client: ServiceClient) {}

  isStaff(): boolean {
    const who = acting();
    return STAFF.some((role) => who.has(role));
  }

  async require(applicantId: string | undefined, notFound: () => DomainError, options: { holderOnly?: boolean } = {}) {
    if (!options.holderOnly && this.isStaff()) return;
    if (!applicantId || !acting().has('applicant')) throw notFound();
    await this.client.request(applicantGet, { id: applicantId }).catch(() => {
      throw notFound();
    });
  }
}
