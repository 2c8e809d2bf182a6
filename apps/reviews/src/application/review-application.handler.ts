import { reviewApplicationGet, reviewApplicationList } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ReviewApplicationReader } from './review-application-reader.service';

@Controller()
export class ReviewApplicationHandler {
  constructor(private readonly reader: ReviewApplicationReader) {}

  @Handles(reviewApplicationList)
  list(request: { cycle?: number; after?: string; limit?: number }) {
    const { after, limit, ...filter } = request;
    return this.reader.list(filter, { after, limit });
  }

  @Handles(reviewApplicationGet)
  get(request: { id: string }) {
    return this.reader.get(request.id);
  }
}
