import { FieldCipher } from '@laurel/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CopyWhenAcceptedConsumer } from './application/copy-when-accepted.consumer';
import { ReviewApplicationHandler } from './application/review-application.handler';
import { ReviewApplicationRepository } from './application/review-application.repository';
import { ReviewApplicationReader } from './application/review-application-reader.service';
import { AssignmentHandler } from './assignment/assignment.handler';
import { AssignmentRepository } from './assignment/assignment.repository';
import { AssignmentService } from './assignment/assignment.service';
import { AssignmentChanges } from './assignment/assignment-changes.service';
import { AssignmentReader } from './assignment/assignment-reader.service';
import { ExpertAssignmentService } from './assignment/expert-assignment.service';
import { CandidateListHandler } from './candidate-list/candidate-list.handler';
import { CandidateListRepository } from './candidate-list/candidate-list.repository';
import { CandidateListService } from './candidate-list/candidate-list.service';
import { CandidateProposalService } from './candidate-list/candidate-proposal.service';
import { ConflictHandler } from './conflict/conflict.handler';
import { ConflictRepository } from './conflict/conflict.repository';
import { ConflictService } from './conflict/conflict.service';
import { ConflictDetection } from './conflict/conflict-detection.service';
import { ConflictTransitions } from './conflict/conflict-transitions.service';
import { PartyRecusal } from './conflict/party-recusal.service';
import { CycleProcedure } from './cycle/cycle-procedure.service';
import { DeliberationHandler } from './deliberation/deliberation.handler';
import { DeliberationRepository } from './deliberation/deliberation.repository';
import { DeliberationService } from './deliberation/deliberation.service';
import { ExpertHandler } from './expert/expert.handler';
import { ExpertRepository } from './expert/expert.repository';
import { ExpertService } from './expert/expert.service';
import { MemberUnitHandler } from './member-unit/member-unit.handler';
import { MemberUnitRepository } from './member-unit/member-unit.repository';
import { MemberUnitService } from './member-unit/member-unit.service';
import { PanelHandler } from './panel/panel.handler';
import { PanelRepository } from './panel/panel.repository';
import { PanelService } from './panel/panel.service';
import type { ReviewsConfig } from './reviews.config';
import { LoadedRubricRepository } from './rubric/loaded-rubric.repository';
import { RubricHandler } from './rubric/rubric.handler';
import { RubricCatalog } from './rubric/rubric-catalog.service';
import { RubricLoadService } from './rubric/rubric-load.service';
import { AssessedCompositeService } from './scoring/assessed-composite.service';
import { CompositeService } from './scoring/composite.service';
import { CompositeAssessmentRepository } from './scoring/composite-assessment.repository';
import { CycleRanking } from './scoring/cycle-ranking.service';
import { ScoreSheetHandler } from './scoring/score-sheet.handler';
import { ScoreSheetRepository } from './scoring/score-sheet.repository';
import { ScoreSheetService } from './scoring/score-sheet.service';
import { ScoringAccess } from './scoring/scoring-access.service';
import { ScoringPolicy } from './scoring/scoring-policy.service';
import { StageResultHandler } from './scoring/stage-result.handler';
import { StageResultRepository } from './scoring/stage-result.repository';
import { StageResultService } from './scoring/stage-result.service';
import { CyclePolicy } from './stage/cycle-policy.service';
import { ReviewStageHandler } from './stage/review-stage.handler';
import { ReviewStageRepository } from './stage/review-stage.repository';
import { ReviewStageService } from './stage/review-stage.service';
import { StageReader } from './stage/review-stage-reader.service';
import { BallotService } from './vote/ballot.service';
import { SlateSource } from './vote/slate-source.service';
import { VoteHandler } from './vote/vote.handler';
import { VoteRepository } from './vote/vote.repository';
import { VoteService } from './vote/vote.service';
import { VoteTransitions } from './vote/vote-transitions.service';

@Module({})
export class ReviewsModule {
  static with(config: ReviewsConfig): DynamicModule {
    return {
      module: ReviewsModule,
      controllers: [
        ExpertHandler,
        ConflictHandler,
        ReviewApplicationHandler,
        MemberUnitHandler,
        VoteHandler,
        DeliberationHandler,
        CandidateListHandler,
        ReviewStageHandler,
        PanelHandler,
        AssignmentHandler,
        ScoreSheetHandler,
        StageResultHandler,
        RubricHandler,
      ],
      providers: [
        {
          provide: FieldCipher,
          useValue: FieldCipher.fromBase64(config.LAUREL_REVIEWS_DATA_KEY, 'laurel-reviews-hmac'),
        },
        ExpertRepository,
        ExpertService,
        ConflictRepository,
        ConflictTransitions,
        ConflictDetection,
        ConflictService,
        PartyRecusal,
        ReviewApplicationRepository,
        ReviewApplicationReader,
        CopyWhenAcceptedConsumer,
        ReviewStageRepository,
        StageReader,
        AssignmentRepository,
        AssignmentReader,
        AssignmentChanges,
        AssignmentService,
        ExpertAssignmentService,
        CyclePolicy,
        ReviewStageService,
        PanelRepository,
        PanelService,
        ScoreSheetRepository,
        StageResultRepository,
        ScoringPolicy,
        ScoringAccess,
        ScoreSheetService,
        StageResultService,
        CompositeService,
        AssessedCompositeService,
        CompositeAssessmentRepository,
        CycleProcedure,
        MemberUnitRepository,
        MemberUnitService,
        VoteRepository,
        VoteTransitions,
        SlateSource,
        CycleRanking,
        CandidateProposalService,
        VoteService,
        BallotService,
        DeliberationRepository,
        DeliberationService,
        CandidateListRepository,
        CandidateListService,
        LoadedRubricRepository,
        RubricCatalog,
        RubricLoadService,
      ],
    };
  }
}
