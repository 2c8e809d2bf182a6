import { candidateListGet, candidateListPublish } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CandidateListService } from './candidate-list.service';

@Controller()
export class CandidateListHandler {
  constructor(private readonly lists: CandidateListService) {}

  @Handles(candidateListPublish)
  publish(request: { cycleNumber: number }) {
    return this.lists.publish(request.cycleNumber);
  }
  @Handles(candidateListGet)
  get(request: { cycleNumber: number }) {
    return this.lists.get(request.cycleNumber);
  }
}
