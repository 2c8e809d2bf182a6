import { assignmentCheck, DomainError } from '@laurel/contracts';
import { acting, ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';

/**
 * What the applications service asks the reviews service: whether the acting expert is assigned to review an
 * application (and has no recused or undecided conflict with it). Only experts are asked about; anyone else is not.
 */
@Injectable()
export class ReviewsGateway {
  constructor(private readonly client: ServiceClient) {}

  async assignedExpert(applicationId: string): Promise<boolean> {
    if (!acting().has('expert')) return false;
    try {
      await this.client.request(assignmentCheck, { applicationId });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return false;
      throw error;
    }
  }
}
