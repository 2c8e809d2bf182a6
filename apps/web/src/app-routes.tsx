import { createBrowserRouter, Navigate } from 'react-router';
import { HomePage } from './home-page';
import { OfficeLayout } from './layout/office-layout';
import { PublicLayout } from './layout/public-layout';
import { ApplicationPage } from './office/application-page';
import { ApplicationsPage } from './office/applications-page';
import { LoginPage } from './office/login-page';
import { NoticesPage } from './office/notices-page';
import { ObjectionPage } from './office/objection-page';
import { ObjectionsPage } from './office/objections-page';
import { operatorRoutes } from './operator/operator-routes';
import { NoticePage } from './public/notice-page';
import { ProgrammePage } from './public/programme-page';
import { ReportPage } from './public/report-page';
import { ReportTrackPage } from './public/report-track-page';
import { TrackPage } from './public/track-page';

/** Every page's address; the gateway answers index.html for each (apps/gateway/src/http/web-app.ts). */
export const router = createBrowserRouter([
  { path: '/', element: <HomePage /> },
  {
    path: '/p/:tenantKey',
    element: <PublicLayout />,
    children: [
      { index: true, element: <ProgrammePage /> },
      { path: 'notices/:noticeId', element: <NoticePage /> },
      { path: 'track', element: <TrackPage /> },
      { path: 'report', element: <ReportPage /> },
      { path: 'report/track', element: <ReportTrackPage /> },
    ],
  },
  { path: '/office/login', element: <LoginPage /> },
  {
    path: '/office/:tenantKey',
    element: <OfficeLayout />,
    children: [
      { index: true, element: <Navigate to="applications" replace /> },
      { path: 'applications', element: <ApplicationsPage /> },
      { path: 'applications/:applicationId', element: <ApplicationPage /> },
      { path: 'notices', element: <NoticesPage /> },
      { path: 'objections', element: <ObjectionsPage /> },
      { path: 'objections/:objectionId', element: <ObjectionPage /> },
    ],
  },
  operatorRoutes,
  { path: '*', element: <Navigate to="/" replace /> },
]);
