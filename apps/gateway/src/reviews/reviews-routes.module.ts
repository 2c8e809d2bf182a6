import { Module } from '@nestjs/common';
import { MaterialTransferService } from '../applications/material-transfer.service';
import { BallotController } from './ballot.controller';
import { CandidateListController } from './candidate-list.controller';
import { ConflictController } from './conflict.controller';
import { DeliberationController } from './deliberation.controller';
import { ExpertController } from './expert.controller';
import { ExpertAssignmentController } from './expert-assignment.controller';
import { LoadedRubricController } from './loaded-rubric.controller';
import { MemberUnitController } from './member-unit.controller';
import { PanelAssignmentController } from './panel-assignment.controller';
import { ReviewStageController } from './review-stage.controller';
import { ScoreSheetController } from './score-sheet.controller';
import { StageResultController } from './stage-result.controller';
import { VoteController } from './vote.controller';

/**
 * The reviews service's API: the expert pool, conflicts of interest, review stages, panels and assignments, score
 * sheets and stage results; votes, deliberations and candidate lists.
 */
@Module({
  controllers: [
    ExpertController,
    ExpertAssignmentController,
    ConflictController,
    ReviewStageController,
    PanelAssignmentController,
    ScoreSheetController,
    LoadedRubricController,
    StageResultController,
    MemberUnitController,
    VoteController,
    BallotController,
    DeliberationController,
    CandidateListController,
  ],
  providers: [MaterialTransferService],
})
export class ReviewsRoutesModule {}
