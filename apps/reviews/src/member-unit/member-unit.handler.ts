import { type MemberUnitBody, memberUnitAdd, memberUnitList } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { MemberUnitService } from './member-unit.service';

@Controller()
export class MemberUnitHandler {
  constructor(private readonly units: MemberUnitService) {}

  @Handles(memberUnitList)
  list() {
    return this.units.list();
  }

  @Handles(memberUnitAdd)
  add(request: MemberUnitBody) {
    return this.units.add(request);
  }
}
