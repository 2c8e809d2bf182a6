import { Module } from '@nestjs/common';
import { ApplicantController } from './applicant.controller';
import { ApplicationController } from './application.controller';
import { MaterialController } from './material.controller';
import { RecommenderController } from './recommender.controller';

/** The applications service's API: applicants, recommenders, applications and the acceptance list. */
@Module({ controllers: [ApplicantController, RecommenderController, ApplicationController, MaterialController] })
export class ApplicationsRoutesModule {}
