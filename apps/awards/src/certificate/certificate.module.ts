import { Module } from '@nestjs/common';
import { HolderModule } from '../holder/holder.module';
import { ProgrammeModule } from '../programme/programme.module';
import { TitleModule } from '../title/title.module';
import { TitleExpiryModule } from '../title-expiry/title-expiry.module';
import { CertificateHandler } from './certificate.handler';
import { CertificateRepository } from './certificate.repository';
import { CertificateService } from './certificate.service';

/** Certificates (证书) of titles: issue, the PDF, and the public verification by number. */
@Module({
  imports: [HolderModule, ProgrammeModule, TitleModule, TitleExpiryModule],
  controllers: [CertificateHandler],
  providers: [CertificateRepository, CertificateService],
  exports: [CertificateRepository],
})
export class CertificateModule {}
