import type { z } from 'zod';
import type {
  TActivityMeasuresText,
  TFindings,
  TMeasure,
  ZAddEvidence,
  ZCatalogueEntry,
  ZCreateMeasure,
  ZUpdateMeasure,
} from '../../../src/modules/measures/contract.ts';
import { http, sendFile } from './http.ts';

export type {
  TEvidence,
  TFinding,
  TFindings,
  TMeasure,
  TMeasureStatus,
} from '../../../src/modules/measures/contract.ts';

import { EVIDENCE_MEDIA_TYPES } from '../../../src/modules/measures/contract.ts';

export { EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES, MEASURE_STATUSES } from '../../../src/modules/measures/contract.ts';
export type TCatalogueEntry = z.infer<typeof ZCatalogueEntry>;
export type TCreateMeasureInput = z.input<typeof ZCreateMeasure>;
export type TUpdateMeasureInput = z.input<typeof ZUpdateMeasure>;
export type TAddEvidenceInput = z.input<typeof ZAddEvidence>;

/** TanStack Query keys of measures, all under ['org', org, 'measures']. */
export const measureKeys = {
  all: (org: string) => ['org', org, 'measures'] as const,
  list: (org: string) => ['org', org, 'measures', 'list'] as const,
  findings: (org: string) => ['org', org, 'measures', 'findings'] as const,
  catalogue: (org: string) => ['org', org, 'measures', 'catalogue'] as const,
  one: (org: string, id: string) => ['org', org, 'measures', 'one', id] as const,
};

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}/measures`;
const one = (ref: string, id: string) => `${org(ref)}/${encodeURIComponent(id)}`;

export const measuresApi = {
  list: async (ref: string) => (await http.get<{ items: TMeasure[] }>(org(ref))).items,
  findings: (ref: string) => http.get<TFindings>(`${org(ref)}/findings`),
  catalogue: async (ref: string) => (await http.get<{ items: TCatalogueEntry[] }>(`${org(ref)}/catalogue`)).items,
  applyCatalogue: (ref: string, keys?: string[]) =>
    http.post<{ items: TMeasure[] }>(`${org(ref)}/catalogue/apply`, keys ? { keys } : {}),
  create: (ref: string, body: TCreateMeasureInput) => http.post<TMeasure>(org(ref), body),
  get: (ref: string, id: string) => http.get<TMeasure>(one(ref, id)),
  update: (ref: string, id: string, body: TUpdateMeasureInput) => http.patch<TMeasure>(one(ref, id), body),
  remove: (ref: string, id: string) => http.delete<void>(one(ref, id)),
  addEvidence: (ref: string, id: string, body: TAddEvidenceInput) =>
    http.post<TMeasure>(`${one(ref, id)}/evidence`, body),
  uploadEvidence: (ref: string, id: string, file: File) =>
    sendFile<TMeasure>(
      `${one(ref, id)}/evidence/file?fileName=${encodeURIComponent(file.name)}`,
      file,
      (EVIDENCE_MEDIA_TYPES as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream',
    ),
  removeEvidence: (ref: string, id: string, evidenceId: string) =>
    http.delete<TMeasure>(`${one(ref, id)}/evidence/${encodeURIComponent(evidenceId)}`),
  downloadUrl: (ref: string, id: string, evidenceId: string) =>
    `${one(ref, id)}/evidence/${encodeURIComponent(evidenceId)}/download`,
  /** The export's address: a plain GET the browser downloads with the session cookie. */
  exportUrl: (ref: string, format: 'pdf' | 'xlsx', locale: string) =>
    `${org(ref)}/export?format=${format}&locale=${encodeURIComponent(locale)}`,
  activityText: (ref: string, activityId: string) =>
    http.get<TActivityMeasuresText>(
      `/api/orgs/${encodeURIComponent(ref)}/activities/${encodeURIComponent(activityId)}/security-measures-text`,
    ),
};
