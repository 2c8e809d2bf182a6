import { Module } from '@nestjs/common';
import { BallotController } from './ballot.controller';
import { CandidateListController } from './candidate-list.controller';
import { ConflictController } from './conflict.controller';
import { DeliberationController } from './deliberation.controller';
import { ExpertController } from './expert.controller';
import { MemberUnitController } from './member-unit.controller';
import { VoteController } from './vote.controller';

/** The reviews service's API: the expert pool and conflicts of interest; votes, deliberations and candidate lists. */
@Module({
  controllers: [
    ExpertController,
    ConflictController,
    MemberUnitController,
    VoteController,
    BallotController,
    DeliberationController,
    CandidateListController,
  ],
})
export class ReviewsRoutesModule {}
