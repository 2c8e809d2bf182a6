import {
  acceptanceListPublish,
  applicationCreate,
  applicationDecide,
  applicationFormalReview,
  applicationGet,
  applicationList,
  applicationReview,
  applicationStartPublicity,
  applicationSubmit,
  applicationUpdateFacts,
  type ParsedRequestOf,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ApplicationService } from './application.service';

@Controller()
export class ApplicationHandler {
  constructor(private readonly applications: ApplicationService) {}

  @Handles(applicationCreate)
  create(request: ParsedRequestOf<typeof applicationCreate>) {
    return this.applications.create(request);
  }

  @Handles(applicationGet)
  get(request: { id: string }) {
    return this.applications.get(request.id);
  }

  @Handles(applicationList)
  list(request: ParsedRequestOf<typeof applicationList>) {
    return this.applications.list(request);
  }

  @Handles(applicationUpdateFacts)
  updateFacts(request: ParsedRequestOf<typeof applicationUpdateFacts>) {
    return this.applications.updateFacts(request.id, request.facts, request.attestations);
  }

  @Handles(applicationDecide)
  decide(request: ParsedRequestOf<typeof applicationDecide>) {
    return this.applications.decide(request.id, request.ruleId, request.outcome, request.reason);
  }

  @Handles(applicationStartPublicity)
  startPublicity(request: ParsedRequestOf<typeof applicationStartPublicity>) {
    return this.applications.startPublicity(request.id, request.startedOn, request.evidence);
  }

  @Handles(applicationSubmit)
  submit(request: ParsedRequestOf<typeof applicationSubmit>) {
    return this.applications.submit(request.id, request.recommenderId);
  }

  @Handles(applicationReview)
  review(request: ParsedRequestOf<typeof applicationReview>) {
    return this.applications.review(request.id, request.decision, request.text, request.publishedOn);
  }

  @Handles(applicationFormalReview)
  formalReview(request: ParsedRequestOf<typeof applicationFormalReview>) {
    return this.applications.formalReview(request.id, request.decision, request.reasons);
  }

  @Handles(acceptanceListPublish)
  publishAcceptanceList(request: ParsedRequestOf<typeof acceptanceListPublish>) {
    const { cycleNumber, ...body } = request;
    return this.applications.publishAcceptanceList(cycleNumber, body);
  }
}
