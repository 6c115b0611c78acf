import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { GuestOnly, PendingOnly, RequireUser, RootLayout } from './guards.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { NotFoundPage, RouteErrorPage } from './NotFoundPage.tsx';
import { OrgLayout } from './OrgLayout.tsx';

/** A route whose page loads on first visit (its own chunk), keeping the initial download small. */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

/** The register of processing (issue 4): overview, the lists and their pages, the questions, quick start, files. */
function registerPages(): RouteObject[] {
  const at = (path: string, load: () => Promise<{ default: ComponentType }>): RouteObject => ({ path, ...page(load) });
  return [
    { index: true, ...page(() => import('../pages/register/overview/RegisterOverviewPage.tsx')) },
    at('activities', () => import('../pages/register/activities/ActivitiesPage.tsx')),
    at('activities/new', () => import('../pages/register/activities/ActivityPage.tsx')),
    at('activities/:activityId', () => import('../pages/register/activities/ActivityPage.tsx')),
    at('systems', () => import('../pages/register/systems/SystemsPage.tsx')),
    at('systems/new', () => import('../pages/register/systems/SystemPage.tsx')),
    at('systems/:systemId', () => import('../pages/register/systems/SystemPage.tsx')),
    at('vendors', () => import('../pages/register/vendors/VendorsPage.tsx')),
    at('vendors/new', () => import('../pages/register/vendors/VendorPage.tsx')),
    at('vendors/:vendorId', () => import('../pages/register/vendors/VendorPage.tsx')),
    at('categories', () => import('../pages/register/categories/CategoriesPage.tsx')),
    at('where', () => import('../pages/register/where/WhereIsDataPage.tsx')),
    at('transfers', () => import('../pages/register/transfers/TransfersPage.tsx')),
    at('consolidation', () => import('../pages/register/consolidation/ConsolidationPage.tsx')),
    at('start', () => import('../pages/register/start/StartPage.tsx')),
    at('start/guided', () => import('../pages/register/start/GuidedStartPage.tsx')),
    at('start/templates/:templateId', () => import('../pages/register/start/TemplatePage.tsx')),
    at('import-export', () => import('../pages/register/import-export/ImportExportPage.tsx')),
    at('agreements', () => import('../pages/agreements/AgreementsPage.tsx')),
    at('agreements/:agreementId', () => import('../pages/agreements/AgreementPage.tsx')),
    at('privacy-statement', () => import('../pages/statement/StatementPage.tsx')),
  ];
}

const orgPages: RouteObject[] = [
  { index: true, ...page(() => import('../pages/dashboard/DashboardPage.tsx')) },
  { path: 'settings', ...page(() => import('../pages/organisations/SettingsPage.tsx')) },
  { path: 'members', ...page(() => import('../pages/members/MembersPage.tsx')) },
  { path: 'api-tokens', ...page(() => import('../pages/api-tokens/ApiTokensPage.tsx')) },
  { path: 'audit', ...page(() => import('../pages/audit/AuditPage.tsx')) },
  { path: 'outbox', ...page(() => import('../pages/outbox/OutboxPage.tsx')) },
  { path: 'outbox/:messageId', ...page(() => import('../pages/outbox/OutboxMessagePage.tsx')) },
  { path: 'register', children: registerPages() },
  { path: 'connectors', ...page(() => import('../pages/connectors/ConnectorsPage.tsx')) },
  { path: 'connectors/new', ...page(() => import('../pages/connectors/ConnectorPage.tsx')) },
  { path: 'connectors/:connectorId', ...page(() => import('../pages/connectors/ConnectorPage.tsx')) },
  { path: 'retention', ...page(() => import('../pages/retention/RetentionPage.tsx')) },
  { path: 'retention/policies/new', ...page(() => import('../pages/retention/PolicyFormPage.tsx')) },
  { path: 'retention/policies/:policyId', ...page(() => import('../pages/retention/PolicyPage.tsx')) },
  { path: 'retention/policies/:policyId/edit', ...page(() => import('../pages/retention/PolicyFormPage.tsx')) },
  { path: 'requests', ...page(() => import('../pages/requests/RequestsPage.tsx')) },
  { path: 'requests/:requestId', ...page(() => import('../pages/requests/RequestPage.tsx')) },
  { path: 'breaches', ...page(() => import('../pages/breaches/BreachesPage.tsx')) },
  { path: 'breaches/:incidentId', ...page(() => import('../pages/breaches/BreachPage.tsx')) },
  { path: 'measures', ...page(() => import('../pages/measures/MeasuresPage.tsx')) },
  { path: 'measures/:measureId', ...page(() => import('../pages/measures/MeasurePage.tsx')) },
  { path: '*', Component: NotFoundPage },
];

const accountPages: RouteObject[] = [
  { index: true, ...page(() => import('../pages/account/ProfilePage.tsx')) },
  { path: 'security', ...page(() => import('../pages/account/SecurityPage.tsx')) },
  { path: 'sessions', ...page(() => import('../pages/account/SessionsPage.tsx')) },
];

export const routes: RouteObject[] = [
  {
    Component: RootLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        Component: GuestOnly,
        children: [
          { path: 'sign-in', ...page(() => import('../pages/auth/SignInPage.tsx')) },
          { path: 'forgot-password', ...page(() => import('../pages/auth/ForgotPasswordPage.tsx')) },
        ],
      },
      { path: 'reset-password', ...page(() => import('../pages/auth/ResetPasswordPage.tsx')) },
      { path: 'setup', ...page(() => import('../pages/auth/SetupPage.tsx')) },
      {
        Component: PendingOnly,
        children: [{ path: 'sign-in/second-factor', ...page(() => import('../pages/auth/SecondFactorPage.tsx')) }],
      },
      // The public request pages (issue 11): a data subject without an account, signed in or not.
      { path: 'p/:slug/request', ...page(() => import('../pages/requests/PublicRequestPage.tsx')) },
      { path: 'p/:slug/request/confirm', ...page(() => import('../pages/requests/ConfirmRequestPage.tsx')) },
      { path: 'p/:slug/request/download', ...page(() => import('../pages/requests/DownloadPage.tsx')) },
      // The published privacy statement (issue 13).
      { path: 'p/:slug/privacy', ...page(() => import('../pages/statement/PublicStatementPage.tsx')) },
      { path: 'invitations/:token', ...page(() => import('../pages/invitations/AcceptInvitationPage.tsx')) },
      {
        Component: RequireUser,
        children: [
          {
            Component: AppLayout,
            children: [
              { index: true, Component: HomeRedirect },
              { path: 'organisations/new', ...page(() => import('../pages/organisations/CreateOrganisationPage.tsx')) },
              {
                path: 'account',
                ...page(() => import('../pages/account/AccountLayout.tsx')),
                children: accountPages,
              },
              { path: 'o/:org', Component: OrgLayout, children: orgPages },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
