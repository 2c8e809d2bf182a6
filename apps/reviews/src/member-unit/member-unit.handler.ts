import {
  type MemberUnitBody,
  type MemberUnitCodesBody,
  memberUnitAdd,
  memberUnitList,
  memberUnitSetCodes,
} from '@laurel/contracts';
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

  @Handles(memberUnitSetCodes)
  setCodes(request: MemberUnitCodesBody & { id: string }) {
    const { id, ...body } = request;
    return this.units.setCodes(id, body);
  }
}
