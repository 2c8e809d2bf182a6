import { Module } from '@nestjs/common';
import { MaterialTransferService } from '../applications/material-transfer.service';
import { ConflictController } from './conflict.controller';
import { ExpertController } from './expert.controller';
import { ExpertAssignmentController } from './expert-assignment.controller';
import { PanelAssignmentController } from './panel-assignment.controller';
import { ReviewStageController } from './review-stage.controller';
import { ScoreSheetController } from './score-sheet.controller';
import { StageResultController } from './stage-result.controller';

/**
 * The reviews service's API: the expert pool, conflicts of interest, review stages, panels and assignments, score
 * sheets and stage results.
 */
@Module({
  controllers: [
    ExpertController,
    ExpertAssignmentController,
    ConflictController,
    ReviewStageController,
    PanelAssignmentController,
    ScoreSheetController,
    StageResultController,
  ],
  providers: [MaterialTransferService],
})
export class ReviewsRoutesModule {}
