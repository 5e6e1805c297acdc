import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { I18nProvider } from './i18n';
import { AppLayout, RequireArea } from './layout/AppLayout';
import { LoginPage } from './pages/login';
import { HomeRedirect, NotFoundPage } from './pages/misc';
import { DashboardPage } from './pages/dashboard';
import { ProgrammesPage } from './pages/programmes';
import { BatchPage } from './pages/programmes/BatchPage';
import { ChallengesPage } from './pages/challenges';
import { ChallengeDetailPage } from './pages/challenges/ChallengeDetailPage';
import { ChallengeEditPage } from './pages/challenges/ChallengeEditPage';
import { ApplicationsPage } from './pages/applications';
import { ApplicationDetailPage } from './pages/applications/ApplicationDetailPage';
import { ApplicationEditPage } from './pages/applications/ApplicationEditPage';
import { ReviewPage } from './pages/review';
import { RoundPage } from './pages/review/RoundPage';
import { ExpertsPage } from './pages/experts';
import { FundingPage } from './pages/funding';
import { AgreementPage } from './pages/funding/AgreementPage';
import { OrganisationsPage } from './pages/organisations';
import { AuditPage } from './pages/audit';
import { AgreementsPage } from './pages/agreements';
import { PublicationPage, PublicationsPage } from './pages/publications';
import { MyAssignmentsPage } from './pages/assignments';
import { ScoringPage } from './pages/assignments/ScoringPage';
import { ConflictsPage } from './pages/assignments/ConflictsPage';
import { RegisterPage, RegistrationStatusPage } from './pages/register';
import { ForgotPasswordPage } from './pages/password-reset';
import { ForcedPasswordChangePage, ProfilePage } from './pages/profile';
import { OrgUsersPage, UsersPage } from './pages/users';
import { RegistrationsPage } from './pages/registrations';
import { RegistrationPage } from './pages/registrations/RegistrationPage';
import { ApiKeysPage } from './pages/api-keys';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers do not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
  },
});

const area = (name: string, element: React.ReactNode) => <RequireArea area={name}>{element}</RequireArea>;

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/register', element: <RegisterPage /> },
    { path: '/register/status', element: <RegistrationStatusPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/change-password', element: <ForcedPasswordChangePage /> },
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'dashboard', element: area('dashboard', <DashboardPage />) },
        { path: 'programmes', element: area('programmes', <ProgrammesPage />) },
        { path: 'batches/:id', element: area('programmes', <BatchPage />) },
        { path: 'challenges', element: area('challenges', <ChallengesPage />) },
        { path: 'challenges/new', element: area('challenges', <ChallengeEditPage />) },
        { path: 'challenges/:id', element: area('challenges', <ChallengeDetailPage />) },
        { path: 'challenges/:id/edit', element: area('challenges', <ChallengeEditPage />) },
        { path: 'applications', element: area('applications', <ApplicationsPage />) },
        { path: 'applications/new', element: area('applications', <ApplicationEditPage />) },
        { path: 'applications/:id', element: area('applications', <ApplicationDetailPage />) },
        { path: 'applications/:id/edit', element: area('applications', <ApplicationEditPage />) },
        { path: 'review', element: area('review', <ReviewPage />) },
        { path: 'review/rounds/:id', element: area('review', <RoundPage />) },
        { path: 'experts', element: area('experts', <ExpertsPage />) },
        { path: 'funding', element: area('funding', <FundingPage />) },
        { path: 'funding/agreements/:id', element: area('agreements', <AgreementPage />) },
        { path: 'organisations', element: area('organisations', <OrganisationsPage />) },
        { path: 'audit', element: area('audit', <AuditPage />) },
        { path: 'agreements', element: area('agreements', <AgreementsPage />) },
        { path: 'publications', element: area('publications', <PublicationsPage />) },
        { path: 'publications/:id', element: area('publications', <PublicationPage />) },
        { path: 'assignments', element: area('assignments', <MyAssignmentsPage />) },
        { path: 'assignments/:id', element: area('assignments', <ScoringPage />) },
        { path: 'conflicts', element: area('conflicts', <ConflictsPage />) },
        { path: 'profile', element: <ProfilePage /> },
        { path: 'users', element: area('users', <UsersPage />) },
        { path: 'org-users', element: area('org-users', <OrgUsersPage />) },
        { path: 'registrations', element: area('registrations', <RegistrationsPage />) },
        { path: 'registrations/:id', element: area('registrations', <RegistrationPage />) },
        { path: 'api-keys', element: area('api-keys', <ApiKeysPage />) },
        { path: 'home', element: <Navigate to="/" replace /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, '') },
);

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </I18nProvider>
  );
}
