import { Module } from '@nestjs/common';
import { CandidateListHandler } from './candidate-list.handler';
import { CandidateListRepository } from './candidate-list.repository';
import { RecordCandidateListConsumer } from './record-candidate-list.consumer';

/** The candidate lists the reviews service publishes, recorded once per cycle for quotas, clearance and notices. */
@Module({
  controllers: [CandidateListHandler],
  providers: [CandidateListRepository, RecordCandidateListConsumer],
  exports: [CandidateListRepository],
})
export class CandidateListModule {}
