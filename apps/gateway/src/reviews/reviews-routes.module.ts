import { Module } from '@nestjs/common';
import { ConflictController } from './conflict.controller';
import { ExpertController } from './expert.controller';

/** The reviews service's API: the expert pool and conflicts of interest. */
@Module({ controllers: [ExpertController, ConflictController] })
export class ReviewsRoutesModule {}
