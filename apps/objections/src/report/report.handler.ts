import {
  type ParsedRequestOf,
  reportFile,
  reportGet,
  reportList,
  reportReply,
  reportRevealIdentity,
  reportTrack,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ReportService } from './report.service';

@Controller()
export class ReportHandler {
  constructor(private readonly reports: ReportService) {}

  @Handles(reportFile)
  file(request: ParsedRequestOf<typeof reportFile>) {
    return this.reports.file(request);
  }

  @Handles(reportTrack)
  track(request: { token: string }) {
    return this.reports.track(request.token);
  }

  @Handles(reportList)
  list(request: ParsedRequestOf<typeof reportList>) {
    return this.reports.list(request);
  }

  @Handles(reportGet)
  get(request: { id: string }) {
    return this.reports.get(request.id);
  }

  @Handles(reportReply)
  reply(request: ParsedRequestOf<typeof reportReply>) {
    return this.reports.reply(request);
  }

  @Handles(reportRevealIdentity)
  revealIdentity(request: ParsedRequestOf<typeof reportRevealIdentity>) {
    return this.reports.revealIdentity(request);
  }
}
