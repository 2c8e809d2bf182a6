import { type AppropriationBody, appropriationList, appropriationLoad } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { AppropriationService } from './appropriation.service';

@Controller()
export class AppropriationHandler {
  constructor(private readonly appropriations: AppropriationService) {}

  @Handles(appropriationLoad)
  load(request: AppropriationBody) {
    return this.appropriations.load(request);
  }

  @Handles(appropriationList)
  list(request: { budgetYear?: number }) {
    return this.appropriations.list(request.budgetYear);
  }
}
