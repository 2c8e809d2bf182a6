import { FieldCipher, FileStore, LocalDirectoryFileStore } from '@laurel/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { FileHandler } from './files/file.handler';
import { FileIntakeService } from './files/file-intake.service';
import { FileReadService } from './files/file-read.service';
import { StoredFileRepository } from './files/stored-file.repository';
import { InvestigationHandler } from './investigation/investigation.handler';
import { InvestigationService } from './investigation/investigation.service';
import { NoticeHandler } from './notice/notice.handler';
import { NoticeRepository } from './notice/notice.repository';
import { NoticeService } from './notice/notice.service';
import { PublicNoticeChanges } from './notice/public-notice-changes.publisher';
import { ObjectionHandler } from './objection/objection.handler';
import { ObjectionRepository } from './objection/objection.repository';
import { ObjectionService } from './objection/objection.service';
import { ObjectionContactHandler } from './objection/objection-contact.handler';
import { ObjectionContactService } from './objection/objection-contact.service';
import { ObjectionExaminationService } from './objection/objection-examination.service';
import { ObjectionFilingService } from './objection/objection-filing.service';
import { ObjectionResultService } from './objection/objection-result.service';
import type { ObjectionsConfig } from './objections.config';
import { ReportHandler } from './report/report.handler';
import { ReportRepository } from './report/report.repository';
import { ReportService } from './report/report.service';
import { PolicyRulesConsumer } from './rules/policy-rules.consumer';
import { RulesHandler } from './rules/rules.handler';
import { RulesRepository } from './rules/rules.repository';
import { RulesService } from './rules/rules.service';

@Module({})
export class ObjectionsModule {
  static with(config: ObjectionsConfig, options: { fileStore?: FileStore } = {}): DynamicModule {
    return {
      module: ObjectionsModule,
      controllers: [
        FileHandler,
        ObjectionContactHandler,
        RulesHandler,
        NoticeHandler,
        ObjectionHandler,
        InvestigationHandler,
        ReportHandler,
      ],
      providers: [
        {
          provide: FieldCipher,
          useValue: FieldCipher.fromBase64(config.LAUREL_OBJECTIONS_DATA_KEY, 'laurel-objections-hmac'),
        },
        {
          provide: FileStore,
          useValue: options.fileStore ?? new LocalDirectoryFileStore(config.LAUREL_OBJECTIONS_FILES_DIR),
        },
        FileIntakeService,
        FileReadService,
        StoredFileRepository,
        RulesRepository,
        RulesService,
        PolicyRulesConsumer,
        NoticeRepository,
        NoticeService,
        PublicNoticeChanges,
        ObjectionRepository,
        ObjectionContactService,
        ObjectionService,
        ObjectionExaminationService,
        ObjectionFilingService,
        ObjectionResultService,
        InvestigationService,
        ReportRepository,
        ReportService,
      ],
    };
  }
}
