import { Module } from '@nestjs/common';
import { RegulationRepository } from './regulation.repository';
import { RegulationExpiryProcessor } from './regulation-expiry.processor';
import { RegulationExpiryScheduler } from './regulation-expiry.scheduler';

/** The regulation's expiry, watched for every programme. */
@Module({
  providers: [RegulationRepository, RegulationExpiryScheduler, RegulationExpiryProcessor],
  exports: [RegulationExpiryScheduler],
})
export class RegulationModule {}
