import { closeCycle, getCycle, listCycles, openCycle, type ParsedRequestOf } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CycleService } from './cycle.service';

@Controller()
export class CycleHandler {
  constructor(private readonly cycles: CycleService) {}

  @Handles(openCycle)
  open(request: ParsedRequestOf<typeof openCycle>) {
    return this.cycles.open(request);
  }

  @Handles(closeCycle)
  close(request: ParsedRequestOf<typeof closeCycle>) {
    return this.cycles.close(request.number);
  }

  @Handles(listCycles)
  list() {
    return this.cycles.list();
  }

  @Handles(getCycle)
  get(request: ParsedRequestOf<typeof getCycle>) {
    return this.cycles.get(request.number);
  }
}
