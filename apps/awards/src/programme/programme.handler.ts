import { createProgramme, type ParsedRequestOf } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ProgrammeService } from './programme.service';

@Controller()
export class ProgrammeHandler {
  constructor(private readonly programmes: ProgrammeService) {}

  @Handles(createProgramme)
  create(request: ParsedRequestOf<typeof createProgramme>) {
    return this.programmes.create(request.tenantKey, request.policy);
  }
}
