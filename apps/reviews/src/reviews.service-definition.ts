import { loadConfig, type ServiceDefinition } from '@laurel/platform';
import { reviewsConfigSchema } from './reviews.config';
import { reviewsConsumers } from './reviews.consumers';
import { reviewsJobs } from './reviews.jobs';
import { ReviewsModule } from './reviews.module';
import { type PrismaClient, reviewsPrisma } from './reviews-prisma';

/**
 * The reviews service: the expert pool, conflicts of interest (回避) and who may see which application; the member
 * units' votes, deliberations and the candidate list.
 */
export const reviewsService = (
  options: { env?: Record<string, string | undefined> } = {},
): ServiceDefinition<PrismaClient> => {
  const config = loadConfig(reviewsConfigSchema, options.env);
  return {
    service: 'reviews',
    module: ReviewsModule.with(config),
    prisma: reviewsPrisma,
    jobs: reviewsJobs,
    consumers: reviewsConsumers,
  };
};
