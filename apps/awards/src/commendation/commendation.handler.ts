import {
  type CommendationDecisionView,
  commendationDecisionGet,
  commendationDecisionRecord,
  type RecordCommendationDecisionBody,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CommendationService } from './commendation.service';

@Controller()
export class CommendationHandler {
  constructor(private readonly commendations: CommendationService) {}

  @Handles(commendationDecisionRecord)
  record(request: RecordCommendationDecisionBody & { cycleNumber: number }): Promise<CommendationDecisionView> {
    const { cycleNumber, ...body } = request;
    return this.commendations.record(cycleNumber, body);
  }

  @Handles(commendationDecisionGet)
  get(request: { cycleNumber: number }): Promise<CommendationDecisionView> {
    return this.commendations.get(request.cycleNumber);
  }
}
