import type { z } from 'zod';
import type {
  TDataCategory,
  TSubjectCategory,
  ZCreateDataCategoryRequest,
  ZCreateSubjectCategoryRequest,
  ZDataCategoryPage,
  ZListCategoriesQuery,
  ZSubjectCategoryPage,
  ZUpdateDataCategoryRequest,
  ZUpdateSubjectCategoryRequest,
} from '../../../src/modules/categories/contract.ts';
import { http, withQuery } from './http.ts';
import type { ListFilters } from './list-query.ts';

export type { TDataCategory, TSubjectCategory } from '../../../src/modules/categories/contract.ts';
export type TCategoryFilters = ListFilters<z.input<typeof ZListCategoriesQuery>>;
export type TCreateDataCategoryInput = z.input<typeof ZCreateDataCategoryRequest>;
export type TUpdateDataCategoryInput = z.input<typeof ZUpdateDataCategoryRequest>;
export type TCreateSubjectCategoryInput = z.input<typeof ZCreateSubjectCategoryRequest>;
export type TUpdateSubjectCategoryInput = z.input<typeof ZUpdateSubjectCategoryRequest>;

/** The flags a data category can carry, in the order the law names them (Art. 9, Art. 10, Art. 87, …). */
export const DATA_CATEGORY_FLAGS = [
  'isSpecial',
  'isCriminal',
  'isNationalId',
  'isFinancial',
  'isCredentials',
  'isCommunicationContent',
] as const satisfies readonly (keyof TDataCategory)[];
export type TDataCategoryFlag = (typeof DATA_CATEGORY_FLAGS)[number];

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;

export const categoriesApi = {
  listData: (ref: string, filters: TCategoryFilters = {}) =>
    http.get<z.infer<typeof ZDataCategoryPage>>(withQuery(`${org(ref)}/data-categories`, filters)),
  createData: (ref: string, body: TCreateDataCategoryInput) =>
    http.post<TDataCategory>(`${org(ref)}/data-categories`, body),
  updateData: (ref: string, id: string, body: TUpdateDataCategoryInput) =>
    http.patch<TDataCategory>(`${org(ref)}/data-categories/${encodeURIComponent(id)}`, body),
  deleteData: (ref: string, id: string) => http.delete<void>(`${org(ref)}/data-categories/${encodeURIComponent(id)}`),
  listSubjects: (ref: string, filters: TCategoryFilters = {}) =>
    http.get<z.infer<typeof ZSubjectCategoryPage>>(withQuery(`${org(ref)}/subject-categories`, filters)),
  createSubject: (ref: string, body: TCreateSubjectCategoryInput) =>
    http.post<TSubjectCategory>(`${org(ref)}/subject-categories`, body),
  updateSubject: (ref: string, id: string, body: TUpdateSubjectCategoryInput) =>
    http.patch<TSubjectCategory>(`${org(ref)}/subject-categories/${encodeURIComponent(id)}`, body),
  deleteSubject: (ref: string, id: string) =>
    http.delete<void>(`${org(ref)}/subject-categories/${encodeURIComponent(id)}`),
};

/** A category's name in the person's language (the other one when it has none). */
export function categoryName(category: { nameNl: string; nameEn: string }, locale: 'nl' | 'en'): string {
  return (locale === 'nl' ? category.nameNl : category.nameEn) || category.nameNl || category.nameEn;
}
