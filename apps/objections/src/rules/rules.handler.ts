import {
  type ObjectionRulesBody,
  type ObjectionRulesQuery,
  objectionRulesGet,
  objectionRulesPut,
} from '@laurel/contracts';
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
  get(request: ObjectionRulesQuery) {
    return this.rules.get(request.version);
  }
}
