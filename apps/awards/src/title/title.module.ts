import { Module } from '@nestjs/common';
import { TitleHandler } from './title.handler';
import { TitleReader } from './title.reader';

/** The titles (称号) the commendation decisions grant: read by id, by applicant, or listed. */
@Module({
  controllers: [TitleHandler],
  providers: [TitleReader],
  exports: [TitleReader],
})
export class TitleModule {}
