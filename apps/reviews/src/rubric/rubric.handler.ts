import { loadedRubricList, type RubricLoadBody, rubricLoad } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { RubricLoadService } from './rubric-load.service';

@Controller()
export class RubricHandler {
  constructor(private readonly rubrics: RubricLoadService) {}

  @Handles(rubricLoad)
  load(request: RubricLoadBody) {
    return this.rubrics.load(request);
  }

  @Handles(loadedRubricList)
  list() {
    return this.rubrics.list();
  }
}
