import type { z } from 'zod';
import type {
  TActivity,
  TActivityCompleteness,
  TBulkUpdateActivitiesResult,
  TConsolidation,
  TRegisterCompleteness,
  ZActivityPage,
  ZBulkUpdateActivitiesRequest,
  ZConsolidationQuery,
  ZCreateActivityRequest,
  ZLegalBasis,
  ZListActivitiesQuery,
  ZScopeQuestion,
  ZSpecialCategoryGround,
  ZTransferOverview,
  ZTransferOverviewQuery,
  ZUpdateActivityRequest,
} from '../../../src/modules/register/contract.ts';
import { http, withQuery } from './http.ts';
import type { ListFilters } from './list-query.ts';

export type {
  TActivity,
  TActivityCompleteness,
  TCompletenessItem,
  TConsolidation,
  TRegisterCompleteness,
  TRetention,
  TTransferWarning,
} from '../../../src/modules/register/contract.ts';
export type TActivityFilters = ListFilters<z.input<typeof ZListActivitiesQuery>>;
export type TCreateActivityInput = z.input<typeof ZCreateActivityRequest>;
export type TUpdateActivityInput = z.input<typeof ZUpdateActivityRequest>;
export type TBulkUpdateActivitiesInput = z.input<typeof ZBulkUpdateActivitiesRequest>;
export type TTransferOverview = z.infer<typeof ZTransferOverview>;
export type TScopeQuestion = z.infer<typeof ZScopeQuestion>;
export type TTransferFilters = z.input<typeof ZTransferOverviewQuery>;
export type TConsolidationFilters = z.input<typeof ZConsolidationQuery>;
export type TLegalBasis = z.infer<typeof ZLegalBasis>;
export type TSpecialCategoryGround = z.infer<typeof ZSpecialCategoryGround>;
export type TActivityRole = TActivity['role'];
export type TActivityStatus = TActivity['status'];

export const LEGAL_BASES: readonly TLegalBasis[] = ['a', 'b', 'c', 'd', 'e', 'f'];
export const SPECIAL_CATEGORY_GROUNDS: readonly TSpecialCategoryGround[] = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
];
export const ACTIVITY_STATUSES = Object.keys({ draft: true, active: true, retired: true } satisfies Record<
  TActivityStatus,
  true
>) as TActivityStatus[];
export const ACTIVITY_ROLES = Object.keys({ controller: true, processor: true } satisfies Record<
  TActivityRole,
  true
>) as TActivityRole[];

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;
const activity = (ref: string, id: string) => `${org(ref)}/activities/${encodeURIComponent(id)}`;

export const activitiesApi = {
  list: (ref: string, filters: TActivityFilters = {}) =>
    http.get<z.infer<typeof ZActivityPage>>(withQuery(`${org(ref)}/activities`, filters)),
  get: (ref: string, id: string) => http.get<TActivity>(activity(ref, id)),
  create: (ref: string, body: TCreateActivityInput) => http.post<TActivity>(`${org(ref)}/activities`, body),
  update: (ref: string, id: string, body: TUpdateActivityInput) => http.patch<TActivity>(activity(ref, id), body),
  /** One change (owner, review date, confirming drafts) for many activities. */
  bulkUpdate: (ref: string, body: TBulkUpdateActivitiesInput) =>
    http.patch<TBulkUpdateActivitiesResult>(`${org(ref)}/activities`, body),
  delete: (ref: string, id: string) => http.delete<void>(activity(ref, id)),
  completeness: (ref: string, id: string) => http.get<TActivityCompleteness>(`${activity(ref, id)}/completeness`),
  registerCompleteness: (ref: string) => http.get<TRegisterCompleteness>(`${org(ref)}/register/completeness`),
  transfers: (ref: string, filters: TTransferFilters = {}) =>
    http.get<TTransferOverview>(withQuery(`${org(ref)}/register/transfers`, filters)),
  answerScopeQuestion: (ref: string, country: string, body: { isWithinScope: boolean; note: string }) =>
    http.put<TScopeQuestion>(`${org(ref)}/register/transfer-scopes/${encodeURIComponent(country)}`, body),
  consolidation: (ref: string, filters: TConsolidationFilters = {}) =>
    http.get<TConsolidation>(withQuery(`${org(ref)}/register/consolidation`, filters)),
};
