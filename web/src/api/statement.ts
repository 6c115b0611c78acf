import type { z } from 'zod';
import type {
  TOwnTexts,
  TStatementDocument,
  TStatementDraft,
  TStatementVersion,
  ZPublicStatement,
  ZStatementDiff,
  ZVersionHead,
} from '../../../src/modules/statement/contract.ts';
import { http, withQuery } from './http.ts';

export type { TOwnTexts, TStatementDocument, TStatementDraft, TStatementVersion };
export type TVersionHead = z.infer<typeof ZVersionHead>;
export type TStatementDiff = z.infer<typeof ZStatementDiff>;
export type TPublicStatement = z.infer<typeof ZPublicStatement>;

/** TanStack Query keys of the privacy statement, all under ['org', org, 'statement']. */
export const statementKeys = {
  all: (org: string) => ['org', org, 'statement'] as const,
  draft: (org: string) => ['org', org, 'statement', 'draft'] as const,
  versions: (org: string) => ['org', org, 'statement', 'versions'] as const,
  diff: (org: string, from: number, to: number, language: string) =>
    ['org', org, 'statement', 'diff', from, to, language] as const,
  publicPage: (slug: string, version: number | null) => ['public', 'statement', slug, version] as const,
};

const base = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}/privacy-statement`;

export const statementApi = {
  draft: (ref: string) => http.get<TStatementDraft>(base(ref)),
  status: (ref: string) => http.get<{ published: TVersionHead | null; isOutOfDate: boolean }>(`${base(ref)}/status`),
  saveTexts: (ref: string, texts: TOwnTexts) => http.put<TOwnTexts>(`${base(ref)}/texts`, texts),
  publish: (ref: string) => http.post<TVersionHead>(`${base(ref)}/versions`),
  versions: async (ref: string) => (await http.get<{ items: TVersionHead[] }>(`${base(ref)}/versions`)).items,
  diff: (ref: string, from: number, to: number, language: string) =>
    http.get<TStatementDiff>(withQuery(`${base(ref)}/diff`, { from, to, language })),
  exportUrl: (ref: string, format: 'html' | 'pdf', language: string, version?: number) =>
    withQuery(`${base(ref)}/export`, { format, language, version }),
  publicPage: (slug: string, version: number | null) =>
    http.get<TPublicStatement>(
      withQuery(`/api/public/orgs/${encodeURIComponent(slug)}/privacy-statement`, { version }),
    ),
};
