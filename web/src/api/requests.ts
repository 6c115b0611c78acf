import type { z } from 'zod';
import type {
  TCarryOutResult,
  TConfirmedRequest,
  TDiscovery,
  TFinding,
  TFindingDecision,
  TPublicRequestPage,
  TRequest,
  TRequestSummary,
  ZAddRequestNote,
  ZAssignRequest,
  ZCarryOut,
  ZClientRequestList,
  ZCloseRequest,
  ZCreateRequest,
  ZDecideFindings,
  ZExtendRequest,
  ZListRequestsQuery,
  ZSubmitPublicRequest,
  ZVerifyIdentity,
} from '../../../src/modules/requests/contract.ts';
import type { TSubjectIdentityInput } from '../../../src/modules/requests/identities.ts';
import { http, withQuery } from './http.ts';

export type {
  TConfirmedRequest,
  TPublicRequestPage,
  TRequest,
  TRequestDeadline,
  TRequestRight,
  TRequestSummary,
} from '../../../src/modules/requests/contract.ts';
export type TSubmitPublicRequestInput = z.input<typeof ZSubmitPublicRequest>;
export type TCreateRequestInput = z.input<typeof ZCreateRequest>;
export type TRequestState = z.output<typeof ZListRequestsQuery>['state'];
export type TClientRequest = z.infer<typeof ZClientRequestList>['items'][number];
export type TVerifyIdentityInput = z.input<typeof ZVerifyIdentity>;
export type TCloseRequestInput = z.input<typeof ZCloseRequest>;
export type { TCarryOutResult, TDiscovery, TFinding, TFindingDecision, TSubjectIdentityInput };
export type TFindingList = { items: TFinding[]; toCarryOut: Record<TFindingDecision, number>; undecided: number };
export type TDecideFindingsInput = z.input<typeof ZDecideFindings>;

export const FINDING_DECISIONS = [
  'erase',
  'anonymise',
  'rectify',
  'restrict',
  'keep',
] as const satisfies readonly TFindingDecision[];

/** The contract's enums, written out so zod stays out of the pages' chunks (the `satisfies` keeps them in step). */
export const REQUEST_RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
] as const satisfies readonly TRequestSummary['right'][];
export const MANUAL_CHANNELS = ['email', 'letter', 'phone', 'in_person'] as const satisfies readonly Exclude<
  TRequestSummary['channel'],
  'web'
>[];
export const REQUEST_STATES = ['open', 'closed', 'unconfirmed', 'all'] as const satisfies readonly TRequestState[];
export const IDENTITY_METHODS = [
  'email_confirmed',
  'known_contact',
  'id_document_seen',
  'signed_letter',
  'in_person',
  'call_back',
  'other',
] as const satisfies readonly TVerifyIdentityInput['method'][];
export const REQUEST_OUTCOMES = [
  'completed',
  'partially_completed',
  'refused',
  'withdrawn',
] as const satisfies readonly TCloseRequestInput['outcome'][];

/** TanStack Query keys of requests, all under ['org', org, 'requests']. */
export const requestKeys = {
  all: (org: string) => ['org', org, 'requests'] as const,
  list: (org: string, state: TRequestState) => ['org', org, 'requests', 'list', state] as const,
  clients: (org: string) => ['org', org, 'requests', 'clients'] as const,
  one: (org: string, id: string) => ['org', org, 'requests', 'one', id] as const,
  findings: (org: string, id: string) => ['org', org, 'requests', 'one', id, 'findings'] as const,
  publicPage: (slug: string) => ['public-request-page', slug] as const,
};

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;
const one = (ref: string, id: string) => `${org(ref)}/requests/${encodeURIComponent(id)}`;

export const requestsApi = {
  page: (slug: string) => http.get<TPublicRequestPage>(`/api/public/orgs/${encodeURIComponent(slug)}/request-page`),
  submit: (slug: string, body: TSubmitPublicRequestInput) =>
    http.post<{ status: 'check_your_email' }>(`/api/public/orgs/${encodeURIComponent(slug)}/requests`, body),
  confirm: (token: string) => http.post<TConfirmedRequest>('/api/public/requests/confirm', { token }),
  list: async (ref: string, state: TRequestState) =>
    (await http.get<{ items: TRequestSummary[] }>(withQuery(`${org(ref)}/requests`, { state }))).items,
  clientRequests: async (ref: string) =>
    (await http.get<{ items: TClientRequest[] }>(`${org(ref)}/client-requests`)).items,
  create: (ref: string, body: TCreateRequestInput) => http.post<TRequest>(`${org(ref)}/requests`, body),
  get: (ref: string, id: string) => http.get<TRequest>(one(ref, id)),
  assign: (ref: string, id: string, body: z.input<typeof ZAssignRequest>) =>
    http.post<TRequest>(`${one(ref, id)}/assign`, body),
  verifyIdentity: (ref: string, id: string, body: TVerifyIdentityInput) =>
    http.post<TRequest>(`${one(ref, id)}/identity`, body),
  askIdentity: (ref: string, id: string, message: string) =>
    http.post<TRequest>(`${one(ref, id)}/identity-check`, { message }),
  extend: (ref: string, id: string, body: z.input<typeof ZExtendRequest>) =>
    http.post<TRequest>(`${one(ref, id)}/extend`, body),
  addNote: (ref: string, id: string, body: z.input<typeof ZAddRequestNote>) =>
    http.post<TRequest>(`${one(ref, id)}/notes`, body),
  close: (ref: string, id: string, body: TCloseRequestInput) => http.post<TRequest>(`${one(ref, id)}/close`, body),
  discover: (ref: string, id: string, identity: Partial<TSubjectIdentityInput>) =>
    http.post<{ discovery: TDiscovery; request: TRequest }>(`${one(ref, id)}/discover`, { identity }),
  checkSystem: (ref: string, id: string, checkId: string, outcome: string) =>
    http.post<TRequest>(`${one(ref, id)}/checks/${encodeURIComponent(checkId)}`, { outcome }),
  findings: (ref: string, id: string) => http.get<TFindingList>(`${one(ref, id)}/findings`),
  decide: (ref: string, id: string, body: TDecideFindingsInput) =>
    http.put<TFindingList>(`${one(ref, id)}/findings`, body),
  carryOut: (ref: string, id: string, expected: z.input<typeof ZCarryOut>['expected']) =>
    http.post<TCarryOutResult>(`${one(ref, id)}/carry-out`, { expected }),
};
