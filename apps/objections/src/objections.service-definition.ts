import type { FileStore } from '@laurel/platform';
import { loadConfig, type ServiceDefinition } from '@laurel/platform';
import { objectionsConfigSchema } from './objections.config';
import { objectionsConsumers } from './objections.consumers';
import { objectionsJobs } from './objections.jobs';
import { ObjectionsModule } from './objections.module';
import { objectionsPrisma, type PrismaClient } from './objections-prisma';

/** The objections service: public notices, objections, investigations and reports. */
export const objectionsService = (
  options: { env?: Record<string, string | undefined>; fileStore?: FileStore } = {},
): ServiceDefinition<PrismaClient> => {
  const config = loadConfig(objectionsConfigSchema, options.env);
  return {
    service: 'objections',
    module: ObjectionsModule.with(config, { fileStore: options.fileStore }),
    prisma: objectionsPrisma,
    jobs: objectionsJobs,
    consumers: objectionsConsumers,
  };
};
