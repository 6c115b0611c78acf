/**
 * The web app's own API calls (web/src/api/) against the types openapi-typescript generates from the OpenAPI
 * document: what each call sends must be a body (or query) the document accepts, and what the document says
 * comes back must be what the call expects. Generic over the generated `paths`, so this file type-checks on its
 * own; test/openapi-client/openapi-client.db.test.ts generates `paths` and instantiates it, and a mismatch is a
 * type error naming the call (`expected` / `actual`).
 */
import type { activitiesApi } from '../../web/src/api/activities.ts';
import type { apiTokensApi } from '../../web/src/api/api-tokens.ts';
import type { auditApi } from '../../web/src/api/audit.ts';
import type { categoriesApi } from '../../web/src/api/categories.ts';
import type { identityApi } from '../../web/src/api/identity.ts';
import type { inventoryApi } from '../../web/src/api/inventory.ts';
import type { onboardingApi } from '../../web/src/api/onboarding.ts';
import type { organisationsApi } from '../../web/src/api/organisations.ts';
import type { outboxApi } from '../../web/src/api/outbox.ts';
import type { vendorsApi } from '../../web/src/api/vendors.ts';

type AnyFunction = (...args: any[]) => any;

/** One operation of the generated `paths`, or a marker type naming what the document lacks. */
type Op<P, Path extends string, M extends string> = Path extends keyof P
  ? M extends keyof P[Path]
    ? P[Path][M]
    : { missingMethod: M; path: Path }
  : { missingPath: Path };

type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : { noJsonBody: O };
type Query<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : { noQuery: O };
type Success<R> = R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : { noSuccess: R };
type JsonOk<O> = O extends { responses: infer R }
  ? Success<R> extends { content: { 'application/json': infer J } }
    ? J
    : { noJsonResponse: O }
  : { noResponses: O };

/** `true` when Actual fits Expected; otherwise both, for the error message. */
type Fits<Actual, Expected> = [Actual] extends [Expected] ? true : { expected: Expected; actual: Actual };

type Result<F extends AnyFunction> = Awaited<ReturnType<F>>;
type Arg<F extends AnyFunction, N extends number> = NonNullable<Parameters<F>[N]>;

/** What the call sends is a body the operation accepts. */
type Sends<P, Path extends string, M extends string, Body> = Fits<Body, JsonBody<Op<P, Path, M>>>;
/** What the operation answers is what the call expects. */
type Receives<P, Path extends string, M extends string, Expected> = Fits<JsonOk<Op<P, Path, M>>, Expected>;
/** The call's filters are query parameters the operation reads. */
type Asks<P, Path extends string, M extends string, Filters> = Fits<Filters, Query<Op<P, Path, M>>>;
/** The operation exists (a call whose answer the web app does not read). */
type Exists<P, Path extends string, M extends string> =
  Op<P, Path, M> extends { missingPath: string } | { missingMethod: string } ? Op<P, Path, M> : true;

type Org = '/api/orgs/{org}';

export interface WebCallsAgainst<P> {
  'identity.session': Receives<P, '/api/auth/session', 'get', Result<typeof identityApi.session>>;
  'identity.signIn': Sends<P, '/api/auth/sign-in', 'post', Arg<typeof identityApi.signIn, 0>>;
  'identity.signIn answer': Receives<P, '/api/auth/sign-in', 'post', Result<typeof identityApi.signIn>>;
  'identity.secondFactor': Sends<P, '/api/auth/second-factor', 'post', Arg<typeof identityApi.secondFactor, 0>>;
  'identity.signOut': Exists<P, '/api/auth/sign-out', 'post'>;
  'identity.requestPasswordReset': Sends<P, '/api/auth/password-reset', 'post', { email: string }>;
  'identity.confirmPasswordReset': Sends<
    P,
    '/api/auth/password-reset/confirm',
    'post',
    Arg<typeof identityApi.confirmPasswordReset, 0>
  >;
  'identity.me': Receives<P, '/api/me', 'get', Result<typeof identityApi.me>>;
  'identity.updateProfile': Sends<P, '/api/me', 'patch', Arg<typeof identityApi.updateProfile, 0>>;
  'identity.changePassword': Sends<P, '/api/me/password', 'post', Arg<typeof identityApi.changePassword, 0>>;
  'identity.startTotpEnrolment': Receives<
    P,
    '/api/me/totp/enrolment',
    'post',
    Result<typeof identityApi.startTotpEnrolment>
  >;
  'identity.confirmTotpEnrolment': Sends<P, '/api/me/totp/enrolment/confirm', 'post', { code: string }>;
  'identity.confirmTotpEnrolment answer': Receives<
    P,
    '/api/me/totp/enrolment/confirm',
    'post',
    Result<typeof identityApi.confirmTotpEnrolment>
  >;
  'identity.disableTotp': Sends<P, '/api/me/totp/disable', 'post', { password: string }>;
  'identity.regenerateRecoveryCodes': Sends<P, '/api/me/recovery-codes', 'post', { password: string }>;
  'identity.sessions': Receives<P, '/api/me/sessions', 'get', Result<typeof identityApi.sessions>>;
  'identity.revokeSession': Exists<P, '/api/me/sessions/{sessionId}', 'delete'>;
  'identity.revokeOtherSessions': Receives<
    P,
    '/api/me/sessions/revoke-others',
    'post',
    Result<typeof identityApi.revokeOtherSessions>
  >;

  'organisations.setup': Sends<P, '/api/setup', 'post', Arg<typeof organisationsApi.setup, 0>>;
  'organisations.mine': Receives<P, '/api/orgs', 'get', { organisations: Result<typeof organisationsApi.mine> }>;
  'organisations.create': Sends<P, '/api/orgs', 'post', Arg<typeof organisationsApi.create, 0>>;
  'organisations.create answer': Receives<P, '/api/orgs', 'post', Result<typeof organisationsApi.create>>;
  'organisations.get': Receives<P, Org, 'get', Result<typeof organisationsApi.get>>;
  'organisations.update': Sends<P, Org, 'patch', Arg<typeof organisationsApi.update, 1>>;
  'organisations.members': Receives<P, `${Org}/members`, 'get', { members: Result<typeof organisationsApi.members> }>;
  'organisations.changeRole': Sends<
    P,
    `${Org}/members/{userId}/role`,
    'put',
    { role: Arg<typeof organisationsApi.changeRole, 2> }
  >;
  'organisations.removeMember': Exists<P, `${Org}/members/{userId}`, 'delete'>;
  'organisations.invitations': Receives<
    P,
    `${Org}/invitations`,
    'get',
    { invitations: Result<typeof organisationsApi.invitations> }
  >;
  'organisations.invite': Sends<P, `${Org}/invitations`, 'post', Arg<typeof organisationsApi.invite, 1>>;
  'organisations.revokeInvitation': Exists<P, `${Org}/invitations/{invitationId}`, 'delete'>;
  'organisations.previewInvitation': Receives<
    P,
    '/api/invitations/{token}',
    'get',
    Result<typeof organisationsApi.previewInvitation>
  >;
  'organisations.acceptInvitation': Sends<
    P,
    '/api/invitations/{token}/accept',
    'post',
    Arg<typeof organisationsApi.acceptInvitation, 1>
  >;
  'organisations.acceptInvitation answer': Receives<
    P,
    '/api/invitations/{token}/accept',
    'post',
    Result<typeof organisationsApi.acceptInvitation>
  >;

  'apiTokens.list': Receives<P, `${Org}/api-tokens`, 'get', { tokens: Result<typeof apiTokensApi.list> }>;
  'apiTokens.create': Sends<P, `${Org}/api-tokens`, 'post', Arg<typeof apiTokensApi.create, 1>>;
  'apiTokens.create answer': Receives<P, `${Org}/api-tokens`, 'post', Result<typeof apiTokensApi.create>>;
  'apiTokens.revoke': Exists<P, `${Org}/api-tokens/{tokenId}`, 'delete'>;

  'audit.list': Receives<P, `${Org}/audit`, 'get', Result<typeof auditApi.list>>;
  'audit.list filters': Asks<P, `${Org}/audit`, 'get', Arg<typeof auditApi.list, 1>>;
  'audit.actions': Receives<P, `${Org}/audit/actions`, 'get', { actions: Result<typeof auditApi.actions> }>;
  'audit.verify': Receives<P, `${Org}/audit/verify`, 'post', Result<typeof auditApi.verify>>;

  'outbox.list': Receives<P, `${Org}/outbox`, 'get', Result<typeof outboxApi.list>>;
  'outbox.get': Receives<P, `${Org}/outbox/{messageId}`, 'get', Result<typeof outboxApi.get>>;
  'outbox.retry': Exists<P, `${Org}/outbox/{messageId}/retry`, 'post'>;

  'categories.listData': Receives<P, `${Org}/data-categories`, 'get', Result<typeof categoriesApi.listData>>;
  'categories.listData filters': Asks<P, `${Org}/data-categories`, 'get', Arg<typeof categoriesApi.listData, 1>>;
  'categories.createData': Sends<P, `${Org}/data-categories`, 'post', Arg<typeof categoriesApi.createData, 1>>;
  'categories.updateData': Sends<
    P,
    `${Org}/data-categories/{dataCategoryId}`,
    'patch',
    Arg<typeof categoriesApi.updateData, 2>
  >;
  'categories.updateData answer': Receives<
    P,
    `${Org}/data-categories/{dataCategoryId}`,
    'patch',
    Result<typeof categoriesApi.updateData>
  >;
  'categories.deleteData': Exists<P, `${Org}/data-categories/{dataCategoryId}`, 'delete'>;
  'categories.listSubjects': Receives<P, `${Org}/subject-categories`, 'get', Result<typeof categoriesApi.listSubjects>>;
  'categories.createSubject': Sends<P, `${Org}/subject-categories`, 'post', Arg<typeof categoriesApi.createSubject, 1>>;
  'categories.updateSubject': Sends<
    P,
    `${Org}/subject-categories/{subjectCategoryId}`,
    'patch',
    Arg<typeof categoriesApi.updateSubject, 2>
  >;
  'categories.deleteSubject': Exists<P, `${Org}/subject-categories/{subjectCategoryId}`, 'delete'>;

  'activities.list': Receives<P, `${Org}/activities`, 'get', Result<typeof activitiesApi.list>>;
  'activities.list filters': Asks<P, `${Org}/activities`, 'get', Arg<typeof activitiesApi.list, 1>>;
  'activities.get': Receives<P, `${Org}/activities/{activityId}`, 'get', Result<typeof activitiesApi.get>>;
  'activities.create': Sends<P, `${Org}/activities`, 'post', Arg<typeof activitiesApi.create, 1>>;
  'activities.create answer': Receives<P, `${Org}/activities`, 'post', Result<typeof activitiesApi.create>>;
  'activities.update': Sends<P, `${Org}/activities/{activityId}`, 'patch', Arg<typeof activitiesApi.update, 2>>;
  'activities.delete': Exists<P, `${Org}/activities/{activityId}`, 'delete'>;
  'activities.completeness': Receives<
    P,
    `${Org}/activities/{activityId}/completeness`,
    'get',
    Result<typeof activitiesApi.completeness>
  >;
  'activities.registerCompleteness': Receives<
    P,
    `${Org}/register/completeness`,
    'get',
    Result<typeof activitiesApi.registerCompleteness>
  >;
  'activities.transfers': Receives<P, `${Org}/register/transfers`, 'get', Result<typeof activitiesApi.transfers>>;
  'activities.transfers filters': Asks<P, `${Org}/register/transfers`, 'get', Arg<typeof activitiesApi.transfers, 1>>;
  'activities.consolidation': Receives<
    P,
    `${Org}/register/consolidation`,
    'get',
    Result<typeof activitiesApi.consolidation>
  >;

  'vendors.list': Receives<P, `${Org}/vendors`, 'get', Result<typeof vendorsApi.list>>;
  'vendors.list filters': Asks<P, `${Org}/vendors`, 'get', Arg<typeof vendorsApi.list, 1>>;
  'vendors.get': Receives<P, `${Org}/vendors/{vendorId}`, 'get', Result<typeof vendorsApi.get>>;
  'vendors.create': Sends<P, `${Org}/vendors`, 'post', Arg<typeof vendorsApi.create, 1>>;
  'vendors.update': Sends<P, `${Org}/vendors/{vendorId}`, 'patch', Arg<typeof vendorsApi.update, 2>>;
  'vendors.retire': Sends<P, `${Org}/vendors/{vendorId}/retire`, 'post', { retiredOn?: string }>;
  'vendors.retire answer': Receives<P, `${Org}/vendors/{vendorId}/retire`, 'post', Result<typeof vendorsApi.retire>>;
  'vendors.delete': Exists<P, `${Org}/vendors/{vendorId}`, 'delete'>;

  'inventory.list': Receives<P, `${Org}/systems`, 'get', Result<typeof inventoryApi.list>>;
  'inventory.list filters': Asks<P, `${Org}/systems`, 'get', Arg<typeof inventoryApi.list, 1>>;
  'inventory.get': Receives<P, `${Org}/systems/{systemId}`, 'get', Result<typeof inventoryApi.get>>;
  'inventory.create': Sends<P, `${Org}/systems`, 'post', Arg<typeof inventoryApi.create, 1>>;
  'inventory.update': Sends<P, `${Org}/systems/{systemId}`, 'patch', Arg<typeof inventoryApi.update, 2>>;
  'inventory.delete': Exists<P, `${Org}/systems/{systemId}`, 'delete'>;
  'inventory.addLocation': Sends<
    P,
    `${Org}/systems/{systemId}/locations`,
    'post',
    Arg<typeof inventoryApi.addLocation, 2>
  >;
  'inventory.addLocation answer': Receives<
    P,
    `${Org}/systems/{systemId}/locations`,
    'post',
    Result<typeof inventoryApi.addLocation>
  >;
  'inventory.updateLocation': Sends<
    P,
    `${Org}/systems/{systemId}/locations/{locationId}`,
    'patch',
    Arg<typeof inventoryApi.updateLocation, 3>
  >;
  'inventory.deleteLocation': Exists<P, `${Org}/systems/{systemId}/locations/{locationId}`, 'delete'>;
  'inventory.locationsOn': Receives<P, `${Org}/locations`, 'get', Result<typeof inventoryApi.locationsOn>>;
  'inventory.eeaStatus': Receives<P, `${Org}/locations/eea-status`, 'get', Result<typeof inventoryApi.eeaStatus>>;

  'onboarding.templates': Receives<P, `${Org}/templates`, 'get', { templates: Result<typeof onboardingApi.templates> }>;
  'onboarding.previewTemplate': Receives<
    P,
    `${Org}/templates/{templateId}/preview`,
    'post',
    Result<typeof onboardingApi.previewTemplate>
  >;
  'onboarding.applyTemplate': Receives<
    P,
    `${Org}/templates/{templateId}/apply`,
    'post',
    Result<typeof onboardingApi.applyTemplate>
  >;
  'onboarding.previewGuidedStart': Sends<
    P,
    `${Org}/guided-start/preview`,
    'post',
    Arg<typeof onboardingApi.previewGuidedStart, 1>
  >;
  'onboarding.applyGuidedStart': Sends<
    P,
    `${Org}/guided-start/apply`,
    'post',
    Arg<typeof onboardingApi.applyGuidedStart, 1>
  >;
  'onboarding.applyGuidedStart answer': Receives<
    P,
    `${Org}/guided-start/apply`,
    'post',
    Result<typeof onboardingApi.applyGuidedStart>
  >;
  'registerIo.export': Exists<P, `${Org}/register/export`, 'get'>;
  'registerIo.import': Exists<P, `${Org}/register/import`, 'post'>;
}

/** Every check as `true`: what a passing comparison is. */
export type AllFit<P> = { [K in keyof WebCallsAgainst<P>]: true };
