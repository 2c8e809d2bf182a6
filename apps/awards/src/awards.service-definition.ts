import type { ServiceDefinition } from '@laurel/platform';
import { awardsConsumers } from './awards.consumers';
import { awardsJobs } from './awards.jobs';
import { AwardsModule } from './awards.module';
import { awardsPrisma, type PrismaClient } from './awards-prisma';

/** The awards service as the platform runs it (`runService`) and tests boot it (`bootstrapService`). */
export const awardsServiceDefinition: ServiceDefinition<PrismaClient> = {
  service: 'awards',
  module: AwardsModule,
  prisma: awardsPrisma,
  jobs: awardsJobs,
  consumers: awardsConsumers,
};
