import { type ObjectionRulesBody, objectionRulesGet, objectionRulesPut } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { RulesService } from './rules.service';

@Controller()
export class RulesHandler {
  constructor(private readonly rules: RulesService) {}

  @Handles(objectionRulesPut)
  put(request: ObjectionRulesBody) {
    return this.rules.put(request);
  }

  @Handles(objectionRulesGet)
  get() {
    return this.rules.get();
  }
}
