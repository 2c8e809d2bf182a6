import { createBrowserRouter, Navigate } from 'react-router';
import { ApplicantHomePage } from './applicant/applicant-home-page';
import { ApplicationWorkspacePage } from './applicant/application-workspace-page';
import { AwardMoneyPage } from './applicant/award-money-page';
import { PortalLayout } from './applicant/portal-layout';
import { DepartmentHomePage } from './department/department-home-page';
import { ExpertApplicationPage } from './expert/expert-application-page';
import { ExpertAssignmentsPage } from './expert/expert-assignments-page';
import { ScoringFormPage } from './expert/scoring-form-page';
import { BudgetPage } from './finance/budget-page';
import { ClawbackCasesPage } from './finance/clawback-cases-page';
import { EntitlementsPage } from './finance/entitlements-page';
import { FinanceLayout } from './finance/finance-layout';
import { StatementPage } from './finance/statement-page';
import { TrialBalancePage } from './finance/trial-balance-page';
import { UseReportsPage } from './finance/use-reports-page';
import { HomePage } from './home-page';
import { OfficeLayout } from './layout/office-layout';
import { PublicLayout } from './layout/public-layout';
import { BallotPage } from './leading-group/ballot-page';
import { LeadingGroupHomePage } from './leading-group/leading-group-home-page';
import { ApplicationPage } from './office/application-page';
import { ApplicationsPage } from './office/applications-page';
import { ConflictsPage } from './office/conflicts/conflicts-page';
import { ApplicantsPage } from './office/console/applicants-page';
import { AuditPage } from './office/console/audit-page';
import { CyclePage } from './office/console/cycle-page';
import { PolicyPage } from './office/console/policy-page';
import { RecommendersPage } from './office/console/recommenders-page';
import { ReportsPage } from './office/console/reports-page';
import { EmployerPage } from './office/employer/employer-page';
import { LoginPage } from './office/login-page';
import { NoticesPage } from './office/notices-page';
import { ObjectionPage } from './office/objection-page';
import { ObjectionsPage } from './office/objections-page';
import { ReviewStagePage } from './office/reviews/review-stage-page';
import { ReviewStagesPage } from './office/reviews/review-stages-page';
import { BansPage } from './office/revocations/bans-page';
import { RevocationPage } from './office/revocations/revocation-page';
import { RevocationsPage } from './office/revocations/revocations-page';
import { StageResultsPage } from './office/scoring/stage-results-page';
import { CandidateListPage } from './office/votes/candidate-list-page';
import { DeliberationPage } from './office/votes/deliberation-page';
import { VoteSetupPage } from './office/votes/vote-setup-page';
import { ClearancePage } from './office/winners/clearance-page';
import { TitlesPage } from './office/winners/titles-page';
import { WinnersPage } from './office/winners/winners-page';
import { operatorRoutes } from './operator/operator-routes';
import { OfficeDutiesPage } from './post-award/office-duties-page';
import { OfficeTitlesPage } from './post-award/office-titles-page';
import { CertificatePage } from './public/certificate-page';
import { CreditRecordPage } from './public/credit-record-page';
import { NoticePage } from './public/notice-page';
import { ProgrammePage } from './public/programme-page';
import { ReportPage } from './public/report-page';
import { ReportTrackPage } from './public/report-track-page';
import { TrackPage } from './public/track-page';
import { RecommenderApplicationPage } from './recommender/recommender-application-page';
import { RecommenderQueuePage } from './recommender/recommender-queue-page';

/** Every page's address; the gateway answers index.html for each (apps/gateway/src/http/web-app.ts). */
export const router = createBrowserRouter([
  { path: '/', element: <HomePage /> },
  {
    path: '/p/:tenantKey',
    element: <PublicLayout />,
    children: [
      { index: true, element: <ProgrammePage /> },
      { path: 'notices/:noticeId', element: <NoticePage /> },
      { path: 'certificates/:number', element: <CertificatePage /> },
      { path: 'track', element: <TrackPage /> },
      { path: 'report', element: <ReportPage /> },
      { path: 'report/track', element: <ReportTrackPage /> },
      { path: 'credit-record', element: <CreditRecordPage /> },
    ],
  },
  { path: '/office/login', element: <LoginPage /> },
  {
    path: '/office/:tenantKey',
    element: <OfficeLayout />,
    children: [
      { index: true, element: <Navigate to="cycle" replace /> },
      { path: 'cycle', element: <CyclePage /> },
      { path: 'applicants', element: <ApplicantsPage /> },
      { path: 'recommenders', element: <RecommendersPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'policy', element: <PolicyPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'applications', element: <ApplicationsPage /> },
      { path: 'applications/:applicationId', element: <ApplicationPage /> },
      { path: 'applications/:applicationId/employer', element: <EmployerPage /> },
      { path: 'notices', element: <NoticesPage /> },
      { path: 'objections', element: <ObjectionsPage /> },
      { path: 'objections/:objectionId', element: <ObjectionPage /> },
      { path: 'votes', element: <VoteSetupPage /> },
      { path: 'deliberation', element: <DeliberationPage /> },
      { path: 'candidate-list', element: <CandidateListPage /> },
      { path: 'clearance', element: <ClearancePage /> },
      { path: 'winners', element: <WinnersPage /> },
      { path: 'titles', element: <TitlesPage /> },
      { path: 'review-stages', element: <ReviewStagesPage /> },
      { path: 'review-stages/:stageId', element: <ReviewStagePage /> },
      { path: 'scoring', element: <StageResultsPage /> },
      { path: 'conflicts', element: <ConflictsPage /> },
      { path: 'certificates', element: <OfficeTitlesPage /> },
      { path: 'duties', element: <OfficeDutiesPage /> },
      { path: 'revocations', element: <RevocationsPage /> },
      { path: 'revocations/:revocationId', element: <RevocationPage /> },
      { path: 'bans', element: <BansPage /> },
    ],
  },
  {
    path: '/applicant/:tenantKey',
    element: <PortalLayout title={{ zh: '质量奖申报平台', en: 'Quality award applications' }} color="#a8071a" />,
    children: [
      { index: true, element: <ApplicantHomePage /> },
      { path: 'applications/:applicationId', element: <ApplicationWorkspacePage /> },
      { path: 'award-money', element: <AwardMoneyPage /> },
    ],
  },
  {
    path: '/recommender/:tenantKey',
    element: <PortalLayout title={{ zh: '推荐单位审核平台', en: 'Recommender’s review' }} color="#0958d9" />,
    children: [
      { index: true, element: <RecommenderQueuePage /> },
      { path: 'applications/:applicationId', element: <RecommenderApplicationPage /> },
    ],
  },
  {
    path: '/leading-group/:tenantKey',
    element: <PortalLayout title={{ zh: '领导小组成员单位投票', en: 'Leading group member units' }} color="#531dab" />,
    children: [
      { index: true, element: <LeadingGroupHomePage /> },
      { path: 'votes/:voteId', element: <BallotPage /> },
    ],
  },
  {
    path: '/department/:tenantKey',
    element: <PortalLayout title={{ zh: '部门征求意见答复', en: 'Department clearance' }} color="#3f6600" />,
    children: [{ index: true, element: <DepartmentHomePage /> }],
  },
  {
    path: '/finance/:tenantKey',
    element: <FinanceLayout />,
    children: [
      { index: true, element: <Navigate to="budget" replace /> },
      { path: 'budget', element: <BudgetPage /> },
      { path: 'entitlements', element: <EntitlementsPage /> },
      { path: 'clawback-cases', element: <ClawbackCasesPage /> },
      { path: 'use-reports', element: <UseReportsPage /> },
      { path: 'trial-balance', element: <TrialBalancePage /> },
      { path: 'statements', element: <StatementPage /> },
    ],
  },
  {
    path: '/expert/:tenantKey',
    element: <PortalLayout title={{ zh: '专家评审平台', en: 'Expert’s reviews' }} color="#08979c" />,
    children: [
      { index: true, element: <ExpertAssignmentsPage /> },
      { path: 'applications/:applicationId', element: <ExpertApplicationPage /> },
      { path: 'scoring/:cycle/:stageKey/:applicationId', element: <ScoringFormPage /> },
    ],
  },
  operatorRoutes,
  { path: '*', element: <Navigate to="/" replace /> },
]);
