import type { z } from 'zod';
import type {
  TAgreement,
  TAgreementCoverage,
  ZCreateAgreement,
  ZUpdateAgreement,
  ZUpdateChecklist,
} from '../../../src/modules/agreements/contract.ts';
import { http, sendFile } from './http.ts';

export type { TAgreement, TAgreementCoverage, TAgreementStatus } from '../../../src/modules/agreements/contract.ts';
export {
  AGREEMENT_DOCUMENT_KINDS,
  AGREEMENT_STATUSES,
  STORED_AGREEMENT_STATUSES,
} from '../../../src/modules/agreements/contract.ts';
export type TCreateAgreementInput = z.input<typeof ZCreateAgreement>;
export type TUpdateAgreementInput = z.input<typeof ZUpdateAgreement>;
export type TUpdateChecklistInput = z.input<typeof ZUpdateChecklist>;

/** TanStack Query keys of processor agreements, all under ['org', org, 'agreements']. */
export const agreementKeys = {
  all: (org: string) => ['org', org, 'agreements'] as const,
  list: (org: string) => ['org', org, 'agreements', 'list'] as const,
  coverage: (org: string) => ['org', org, 'agreements', 'coverage'] as const,
  one: (org: string, id: string) => ['org', org, 'agreements', 'one', id] as const,
};

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}/agreements`;
const one = (ref: string, id: string) => `${org(ref)}/${encodeURIComponent(id)}`;

export const agreementsApi = {
  list: async (ref: string) => (await http.get<{ items: TAgreement[] }>(org(ref))).items,
  coverage: (ref: string) => http.get<TAgreementCoverage>(`${org(ref)}/coverage`),
  create: (ref: string, body: TCreateAgreementInput) => http.post<TAgreement>(org(ref), body),
  get: (ref: string, id: string) => http.get<TAgreement>(one(ref, id)),
  update: (ref: string, id: string, body: TUpdateAgreementInput) => http.patch<TAgreement>(one(ref, id), body),
  remove: (ref: string, id: string) => http.delete<void>(one(ref, id)),
  updateChecklist: (ref: string, id: string, body: TUpdateChecklistInput) =>
    http.put<TAgreement>(`${one(ref, id)}/checklist`, body),
  upload: (ref: string, id: string, file: File, kind: string) =>
    sendFile<TAgreement>(
      `${one(ref, id)}/documents?fileName=${encodeURIComponent(file.name)}&kind=${encodeURIComponent(kind)}`,
      file,
      file.type === 'application/pdf' ? file.type : 'application/octet-stream',
    ),
  removeDocument: (ref: string, id: string, documentId: string) =>
    http.delete<TAgreement>(`${one(ref, id)}/documents/${encodeURIComponent(documentId)}`),
  downloadUrl: (ref: string, id: string, documentId: string) =>
    `${one(ref, id)}/documents/${encodeURIComponent(documentId)}/download`,
};
