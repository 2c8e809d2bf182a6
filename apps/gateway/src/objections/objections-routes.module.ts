import { Module } from '@nestjs/common';
import { NoticeController } from './notice.controller';
import { ObjectionController } from './objection.controller';
import { ObjectionRulesController } from './objection-rules.controller';
import { PublicNoticeCache } from './public-notice-cache.service';
import { PublicNoticeFastPath } from './public-notice-fast-path';
import { PublicObjectionsController } from './public-objections.controller';
import { ReportController } from './report.controller';
import { StoredFileController } from './stored-file.controller';

/** The objections service's API: the office's routes and the public's. */
@Module({
  controllers: [
    StoredFileController,
    NoticeController,
    ObjectionController,
    ObjectionRulesController,
    ReportController,
    PublicObjectionsController,
  ],
  providers: [PublicNoticeCache, PublicNoticeFastPath],
})
export class ObjectionsRoutesModule {}
