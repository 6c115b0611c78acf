import type { z } from 'zod';
import type {
  TExportProgress,
  TImportReport,
  ZExportQuery,
  ZImportEntity,
} from '../../../src/modules/register/contract.ts';
import { http, sendFile, withQuery } from './http.ts';

export type { TExportProgress, TImportReport } from '../../../src/modules/register/contract.ts';
export type TExportFormat = z.infer<typeof ZExportQuery>['format'];
export type TExportEntity = NonNullable<z.infer<typeof ZExportQuery>['entity']>;
export type TImportEntity = z.infer<typeof ZImportEntity>;

export const EXPORT_FORMATS: readonly TExportFormat[] = ['pdf', 'xlsx', 'csv', 'json'];
export const EXPORT_ENTITIES: readonly TExportEntity[] = [
  'activities',
  'systems',
  'locations',
  'vendors',
  'data_categories',
  'subject_categories',
];
export const IMPORT_ENTITIES: readonly TImportEntity[] = ['activities', 'systems', 'vendors'];

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}`;

/** The media type the server reads the file as: by extension, since browsers disagree on what a .csv is. */
export function uploadType(file: File): string {
  return file.name.toLowerCase().endsWith('.xlsx') ? XLSX_MEDIA_TYPE : 'text/csv';
}

export const registerIoApi = {
  /** The export's address: a plain GET the browser downloads with the session cookie. */
  exportUrl: (ref: string, format: TExportFormat, locale: 'nl' | 'en', entity?: TExportEntity, progressId?: string) =>
    withQuery(`${org(ref)}/register/export`, {
      format,
      locale,
      entity: format === 'csv' ? entity : undefined,
      progressId,
    }),
  /** How far the export started with `progressId` is (404 until the server has begun it). */
  exportProgress: (ref: string, progressId: string) =>
    http.get<TExportProgress>(withQuery(`${org(ref)}/register/export/progress`, { id: progressId })),
  importFile: (ref: string, entity: TImportEntity, mode: 'preview' | 'apply', file: File) =>
    sendFile<TImportReport>(withQuery(`${org(ref)}/register/import`, { entity, mode }), file, uploadType(file)),
};
