import { Navigate, type RouteObject } from 'react-router';
import { CalendarPage } from './calendar-page';
import { ClockPage } from './clock-page';
import { DeadLettersPage } from './dead-letters-page';
import { EventsPage } from './events-page';
import { HealthPage } from './health-page';
import { OperatorLayout } from './operator-layout';
import { QueuesPage } from './queues-page';
import { TenantUsersPage } from './tenant-users-page';
import { TenantsPage } from './tenants-page';

/** The operator's dashboard under /operator (the gateway answers index.html for it). */
export const operatorRoutes: RouteObject = {
  path: '/operator',
  element: <OperatorLayout />,
  children: [
    { index: true, element: <Navigate to="health" replace /> },
    { path: 'health', element: <HealthPage /> },
    { path: 'tenants', element: <TenantsPage /> },
    { path: 'tenants/:tenantKey', element: <TenantUsersPage /> },
    { path: 'calendar', element: <CalendarPage /> },
    { path: 'clock', element: <ClockPage /> },
    { path: 'queues', element: <QueuesPage /> },
    { path: 'events', element: <EventsPage /> },
    { path: 'dead-letters', element: <DeadLettersPage /> },
  ],
};
