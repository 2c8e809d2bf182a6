import { titleReEvaluate } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { type ReEvaluationInput, TitleReEvaluationService } from './title-re-evaluation.service';

@Controller()
export class TitleReEvaluationHandler {
  constructor(private readonly reEvaluation: TitleReEvaluationService) {}

  @Handles(titleReEvaluate)
  record(request: ReEvaluationInput) {
    return this.reEvaluation.record(request);
  }
}
