import {
  type AnswerClearanceBody,
  clearanceAnswer,
  clearanceDecide,
  clearanceList,
  clearanceOpen,
  type DecideClearanceBody,
  departmentCreate,
  departmentList,
  type OpenClearanceBody,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ClearanceService } from './clearance.service';

@Controller()
export class ClearanceHandler {
  constructor(private readonly clearance: ClearanceService) {}

  @Handles(departmentCreate)
  createDepartment(request: { name: string; key?: string; userIds: string[] }) {
    return this.clearance.createDepartment(request);
  }

  @Handles(departmentList)
  async departments() {
    return { items: await this.clearance.departments() };
  }

  @Handles(clearanceOpen)
  async open(request: OpenClearanceBody & { cycleNumber: number }) {
    const { cycleNumber, ...body } = request;
    return { items: await this.clearance.open(cycleNumber, body) };
  }

  @Handles(clearanceList)
  async list(request: { cycleNumber?: number }) {
    return { items: await this.clearance.list(request.cycleNumber) };
  }

  @Handles(clearanceAnswer)
  answer(request: AnswerClearanceBody & { requestId: string }) {
    const { requestId, ...body } = request;
    return this.clearance.answer(requestId, body);
  }

  @Handles(clearanceDecide)
  decide(request: DecideClearanceBody & { requestId: string }) {
    const { requestId, ...body } = request;
    return this.clearance.decide(requestId, body);
  }
}
