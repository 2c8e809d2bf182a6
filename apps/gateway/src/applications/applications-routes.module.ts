import { Module } from '@nestjs/common';
import { ApplicantController } from './applicant.controller';
import { ApplicationController } from './application.controller';
import { ApplicationCountsController } from './application-counts.controller';
import { MaterialController } from './material.controller';
import { MaterialBodyParser } from './material-body.parser';
import { MaterialTransferService } from './material-transfer.service';
import { RecommenderController } from './recommender.controller';

/** The applications service's API: applicants, recommenders, applications and the acceptance list. */
@Module({
  controllers: [
    ApplicantController,
    RecommenderController,
    ApplicationCountsController,
    ApplicationController,
    MaterialController,
  ],
  providers: [MaterialBodyParser, MaterialTransferService],
})
export class ApplicationsRoutesModule {}
