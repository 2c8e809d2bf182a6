import {
  type ExpertProfileBody,
  type ExpertRegisterBody,
  expertGet,
  expertList,
  expertRegister,
  expertUpdate,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ExpertService } from './expert.service';

@Controller()
export class ExpertHandler {
  constructor(private readonly experts: ExpertService) {}

  @Handles(expertRegister)
  register(request: ExpertRegisterBody) {
    return this.experts.register(request);
  }

  @Handles(expertUpdate)
  update(request: { id: string; profile: ExpertProfileBody }) {
    return this.experts.update(request.id, request.profile);
  }

  @Handles(expertGet)
  get(request: { id: string }) {
    return this.experts.get(request.id);
  }

  @Handles(expertList)
  list(request: { speciality?: string; after?: string; limit?: number }) {
    const { after, limit, ...filter } = request;
    return this.experts.list(filter, { after, limit });
  }
}
