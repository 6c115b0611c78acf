import type { TDownloadInfo, TRequestExport } from '../../../src/modules/requests/export/contract.ts';
import { http } from './http.ts';

export type { TDownloadInfo, TRequestExport } from '../../../src/modules/requests/export/contract.ts';

/** TanStack Query keys of a request's export packages, under the request's own keys. */
export const exportKeys = {
  list: (org: string, requestId: string) => ['org', org, 'requests', 'one', requestId, 'exports'] as const,
  download: (token: string) => ['public-request-download', token] as const,
};

const one = (ref: string, id: string) => `/api/orgs/${encodeURIComponent(ref)}/requests/${encodeURIComponent(id)}`;

export const requestExportsApi = {
  create: (ref: string, id: string) => http.post<TRequestExport>(`${one(ref, id)}/export`, {}),
  list: async (ref: string, id: string) =>
    (await http.get<{ items: TRequestExport[] }>(`${one(ref, id)}/exports`)).items,
  info: (token: string) =>
    http.get<TDownloadInfo>(`/api/public/requests/download-info?token=${encodeURIComponent(token)}`),
  /** The ZIP's address: a plain link, so the browser downloads it as a file. */
  downloadUrl: (token: string) => `/api/public/requests/download?token=${encodeURIComponent(token)}`,
};
