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
import { AcceptanceService } from './acceptance.service';
import { ApplicationIntake } from './application-intake.service';
import { ApplicationReader } from './application-reader.service';
import { EligibilityDecisions } from './eligibility-decision.service';
import { RecommendationService } from './recommendation.service';
import { SubmissionService } from './submission.service';

/** The application's subjects, each handed to the service of its step of the procedure. */
@Controller()
export class ApplicationHandler {
  constructor(
    private readonly reader: ApplicationReader,
    private readonly intake: ApplicationIntake,
    private readonly decisions: EligibilityDecisions,
    private readonly submission: SubmissionService,
    private readonly recommendation: RecommendationService,
    private readonly acceptance: AcceptanceService,
  ) {}

  @Handles(applicationCreate)
  create(request: ParsedRequestOf<typeof applicationCreate>) {
    return this.intake.create(request);
  }

  @Handles(applicationGet)
  get(request: { id: string }) {
    return this.reader.get(request.id);
  }

  @Handles(applicationList)
  list(request: ParsedRequestOf<typeof applicationList>) {
    return this.reader.list(request);
  }

  @Handles(applicationUpdateFacts)
  updateFacts(request: ParsedRequestOf<typeof applicationUpdateFacts>) {
    return this.intake.updateFacts(request.id, request.facts, request.attestations);
  }

  @Handles(applicationDecide)
  decide(request: ParsedRequestOf<typeof applicationDecide>) {
    return this.decisions.decide(request.id, request.ruleId, request.outcome, request.reason);
  }

  @Handles(applicationStartPublicity)
  startPublicity(request: ParsedRequestOf<typeof applicationStartPublicity>) {
    return this.intake.startPublicity(request.id, request.startedOn, request.evidence);
  }

  @Handles(applicationSubmit)
  submit(request: ParsedRequestOf<typeof applicationSubmit>) {
    return this.submission.submit(request.id, request.recommenderId);
  }

  @Handles(applicationReview)
  review(request: ParsedRequestOf<typeof applicationReview>) {
    return this.recommendation.review(request.id, request.decision, request.text, request.publishedOn);
  }

  @Handles(applicationFormalReview)
  formalReview(request: ParsedRequestOf<typeof applicationFormalReview>) {
    return this.acceptance.formalReview(request.id, request.decision, request.reasons);
  }

  @Handles(acceptanceListPublish)
  publishAcceptanceList(request: ParsedRequestOf<typeof acceptanceListPublish>) {
    const { cycleNumber, ...body } = request;
    return this.acceptance.publishAcceptanceList(cycleNumber, body);
  }
}
