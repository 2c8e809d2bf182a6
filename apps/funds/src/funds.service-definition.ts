import { loadConfig, type ServiceDefinition } from '@laurel/platform';
import { fundsConfigSchema } from './funds.config';
import { fundsConsumers } from './funds.consumers';
import { fundsJobs } from './funds.jobs';
import { FundsModule } from './funds.module';
import { fundsPrisma, type PrismaClient } from './funds-prisma';

/** The funds service: each tenant's ledger per budget year, appropriations, entitlements and disbursements. */
export const fundsService = (
  options: { env?: Record<string, string | undefined> } = {},
): ServiceDefinition<PrismaClient> => {
  const config = loadConfig(fundsConfigSchema, options.env);
  return {
    service: 'funds',
    module: FundsModule.with(config),
    prisma: fundsPrisma,
    jobs: fundsJobs,
    consumers: fundsConsumers,
  };
};
