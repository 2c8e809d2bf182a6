import {
  type CandidateProposalBody,
  candidateListGet,
  candidateListPublish,
  candidateProposalGet,
  candidateProposalRecord,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CandidateListService } from './candidate-list.service';
import { CandidateProposalService } from './candidate-proposal.service';

@Controller()
export class CandidateListHandler {
  constructor(
    private readonly lists: CandidateListService,
    private readonly proposals: CandidateProposalService,
  ) {}

  @Handles(candidateProposalRecord)
  propose(request: CandidateProposalBody & { cycleNumber: number }) {
    const { cycleNumber, ...body } = request;
    return this.proposals.record(cycleNumber, body);
  }
  @Handles(candidateProposalGet)
  proposal(request: { cycleNumber: number }) {
    return this.proposals.get(request.cycleNumber);
  }

  @Handles(candidateListPublish)
  publish(request: { cycleNumber: number }) {
    return this.lists.publish(request.cycleNumber);
  }
  @Handles(candidateListGet)
  get(request: { cycleNumber: number }) {
    return this.lists.get(request.cycleNumber);
  }
}
