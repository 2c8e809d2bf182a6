import type { FileStore } from '@laurel/platform';
import { loadConfig, type ServiceDefinition } from '@laurel/platform';
import { applicationsConfigSchema } from './applications.config';
import { applicationsConsumers } from './applications.consumers';
import { ApplicationsModule } from './applications.module';
import { applicationsPrisma, type PrismaClient } from './applications-prisma';

/** The applications service: applicants, recommenders, applications up to acceptance. */
export const applicationsService = (
  options: { env?: Record<string, string | undefined>; fileStore?: FileStore } = {},
): ServiceDefinition<PrismaClient> => {
  const config = loadConfig(applicationsConfigSchema, options.env);
  return {
    service: 'applications',
    module: ApplicationsModule.with(config, { fileStore: options.fileStore }),
    prisma: applicationsPrisma,
    jobs: [],
    consumers: applicationsConsumers,
  };
};
