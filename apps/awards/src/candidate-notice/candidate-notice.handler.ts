import {
  candidateNoticeEntriesCheck,
  candidateNoticeList,
  candidateNoticeOpen,
  type OpenCandidateNoticeBody,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CandidateNoticeService } from './candidate-notice.service';

@Controller()
export class CandidateNoticeHandler {
  constructor(private readonly notices: CandidateNoticeService) {}

  @Handles(candidateNoticeOpen)
  open(request: OpenCandidateNoticeBody & { cycleNumber: number }) {
    const { cycleNumber, ...body } = request;
    return this.notices.open(cycleNumber, body);
  }

  @Handles(candidateNoticeEntriesCheck)
  checkEntries(request: {
    cycleNumber?: number;
    stage: string;
    entries: { subjectId: string; applicationId?: string }[];
  }) {
    return this.notices.checkEntries(request);
  }

  @Handles(candidateNoticeList)
  list(request: { cycleNumber: number }) {
    return this.notices.list(request.cycleNumber);
  }
}
