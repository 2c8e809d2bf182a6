import { Module } from '@nestjs/common';
import { NoticeController } from './notice.controller';
import { ObjectionController } from './objection.controller';
import { ObjectionRulesController } from './objection-rules.controller';
import { PublicObjectionsController } from './public-objections.controller';
import { ReportController } from './report.controller';

/** The objections service's API: the office's routes and the public's. */
@Module({
  controllers: [
    NoticeController,
    ObjectionController,
    ObjectionRulesController,
    ReportController,
    PublicObjectionsController,
  ],
})
export class ObjectionsRoutesModule {}
