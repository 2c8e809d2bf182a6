import {
  type AssignmentChangeBody,
  type AssignmentLockBody,
  assignmentChange,
  assignmentCheck,
  assignmentList,
  assignmentLock,
  assignmentMaterialView,
  assignmentSolve,
  myAssignments,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { AssignmentService } from './assignment.service';
import { ExpertAssignmentService } from './expert-assignment.service';

@Controller()
export class AssignmentHandler {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly experts: ExpertAssignmentService,
  ) {}

  @Handles(assignmentList)
  list(request: { stageId: string }) {
    return this.assignments.list(request.stageId);
  }

  @Handles(assignmentSolve)
  solve(request: { stageId: string }) {
    return this.assignments.solve(request.stageId);
  }

  @Handles(assignmentLock)
  lock(request: AssignmentLockBody & { id: string }) {
    const { id, ...body } = request;
    return this.assignments.lock(id, body);
  }

  @Handles(assignmentChange)
  change(request: AssignmentChangeBody & { id: string }) {
    const { id, ...body } = request;
    return this.assignments.change(id, body);
  }

  @Handles(myAssignments)
  mine() {
    return this.experts.mine();
  }

  @Handles(assignmentCheck)
  check(request: { applicationId: string }) {
    return this.experts.check(request.applicationId);
  }

  @Handles(assignmentMaterialView)
  materialView(request: { applicationId: string; materialId: string | null }) {
    return this.experts.materialView(request.applicationId, request.materialId);
  }
}
