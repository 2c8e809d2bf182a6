import {
  type ReviewStageCloseBody,
  type ReviewStageOpenBody,
  reviewStageClose,
  reviewStageGet,
  reviewStageList,
  reviewStageOpen,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ReviewStageService } from './review-stage.service';

@Controller()
export class ReviewStageHandler {
  constructor(private readonly stages: ReviewStageService) {}

  @Handles(reviewStageList)
  list(request: { cycle: number }) {
    return this.stages.list(request.cycle);
  }

  @Handles(reviewStageGet)
  get(request: { id: string }) {
    return this.stages.get(request.id);
  }

  @Handles(reviewStageOpen)
  open(request: ReviewStageOpenBody & { cycle: number; stageKey: string }) {
    const { cycle, stageKey, ...body } = request;
    return this.stages.open(cycle, stageKey, body);
  }

  @Handles(reviewStageClose)
  close(request: ReviewStageCloseBody & { id: string }) {
    const { id, ...body } = request;
    return this.stages.close(id, body);
  }
}
