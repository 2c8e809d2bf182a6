import { Module } from '@nestjs/common';
import { ConflictController } from './conflict.controller';
import { ExpertController } from './expert.controller';
import { ScoreSheetController } from './score-sheet.controller';
import { StageResultController } from './stage-result.controller';

/** The reviews service's API: the expert pool, conflicts of interest, score sheets and stage results. */
@Module({ controllers: [ExpertController, ConflictController, ScoreSheetController, StageResultController] })
export class ReviewsRoutesModule {}
